# corpus.awk -- a deterministic benchmark corpus from the sample fact sheets.
#
#   LC_ALL=C awk -v mb=64 -v files=2048 -v out=DIR -f corpus.awk samples/*.txt
#
# Reads the paragraphs (blank-line separated) of the input files and writes
# `files` documents, DIR/doc00000.txt ..., of about mb MiB in all: each
# document is paragraphs drawn at random until it holds its share of the
# bytes (mb MiB / files), separated by blank lines.  With files=1 it is one
# document, DIR/doc00000.txt, of mb MiB.
#
# The draw is a Park-Miller generator seeded with 42, computed exactly in
# awk's doubles (no srand/rand: mawk and gawk differ), and lengths are
# bytes under LC_ALL=C, so the corpus is the same bytes with any POSIX awk.
BEGIN { RS = ""; seed = 42 }
{ para[n++] = $0 }
function draw() {               # 0 <= draw() < n
  seed = (seed * 16807) % 2147483647
  return int(seed / 2147483647 * n)
}
END {
  if (n == 0) { print "corpus.awk: no paragraphs" > "/dev/stderr"; exit 2 }
  total = mb * 1048576
  per = total / files
  done = 0
  for (f = 0; f < files; f++) {
    file = sprintf("%s/doc%05d.txt", out, f)
    want = (f + 1) * per - done           # keeps the sum at `total`
    size = 0
    while (size < want) {
      p = para[draw()]
      printf "%s\n\n", p > file
      size += length(p) + 2
    }
    close(file)
    done += size
  }
}

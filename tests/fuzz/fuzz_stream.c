/*
** fuzz_stream.c -- a large text file read in pieces (src/stream/).
**
** Every input is written to a file and read both ways: whole, and planned
** and segmented piece by piece, in pieces of 1 byte (a cut at every
** boundary) and in windows of 16 to 256 bytes (text/cut.h), the first
** byte choosing which.  The pieces must give every clause the whole gives
** (tests/pieces_check.c), and the plan must refuse a file (a NUL byte)
** with the whole read's message.  No piece may fail.  The file planned
** as standard input (which the plan keeps as it reads) has the same cuts
** and bytes.
*/
#include <stdio.h>
#include <unistd.h>
#include "clausetag.h"
#include "fuzz.h"
#include "pieces_check.h"

static char dir[] = "/tmp/ct-fuzz-stream.XXXXXX";
static char path[64];
static ct_abbrevs *abbrevs;

static void cleanup(void) {
  unlink(path);
  rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  FUZZ_CHECK(mkdtemp(dir) != NULL, "cannot make a temporary directory");
  snprintf(path, sizeof path, "%s/doc.txt", dir);
  atexit(cleanup);
  abbrevs = ct_abbrevs_new(1);
  FUZZ_CHECK(abbrevs != NULL, "out of memory");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const size_t windows[] = {16, 40, 256, 1 << 20};
  char msg[512];
  size_t pieces, window = windows[size > 0 ? data[0] % 4 : 0];
  FILE *f = fopen(path, "wb");
  FUZZ_CHECK(f != NULL, "cannot write %s", path);
  FUZZ_CHECK(fwrite(data, 1, size, f) == size && fclose(f) == 0,
             "cannot write %s", path);
  FUZZ_CHECK(th_check_pieces(path, abbrevs, 1, window, &pieces, msg,
                             sizeof msg), "%s", msg);
  FUZZ_CHECK(th_check_stdin_plan(path, 1, (size_t)-1, window, msg,
                                 sizeof msg), "%s", msg);
  return 0;
}

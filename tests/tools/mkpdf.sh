#!/bin/sh
# mkpdf.sh -- a multi-page PDF from a plain-text sample, with Debian's groff:
#
#   sh tests/tools/mkpdf.sh samples/us-rok-2021-partnership.txt OUT.pdf
#
# The PDF has what real fact sheets have and the PDF reader must undo:
# paragraphs with an indented first line, bulleted items whose runover
# lines are indented, headings, words hyphenated at line ends (groff
# hyphenates), a running head on every page but the first, and a footer
# with the page number on every page.  Short lines without final
# punctuation become headings (.SH), lines starting with a bullet list
# items (.IP), the rest paragraphs (.PP).
in=${1:?usage: mkpdf.sh TEXT OUT.pdf} out=${2:?usage: mkpdf.sh TEXT OUT.pdf}
sed 's/^\([.'"'"']\)/\\\&\1/' "$in" | awk '
BEGIN {
  print ".ds LH U.S.-ROK Partnership"; print ".ds CH"; print ".ds RH Fact Sheet"
  print ".ds LF The White House"; print ".ds CF Page %"
}
/^[ \t]*$/ { next }
/^[ \t]*•/ { sub(/^[ \t]*•[ \t]*/, ""); print ".IP \\(bu 2"; print; next }
length($0) < 80 && $0 !~ /[.:;,!?]$/ { print ".SH"; print; print ".PP"; next }
{ print ".PP"; print }
' | groff -ms -Tpdf -k > "$out"

/*
** fixed_time.c -- time(3) for the fuzz targets: always 2026-01-01.
**
** Lua 5.4 mixes time(NULL) into the seed of its string hashes
** (luai_makeseed), so the order of `pairs`, and with it the coverage a
** rule file reaches, changed from one second to the next: two runs of
** fuzz_classify or fuzz_rules from the same seed parted after a few
** dozen new inputs.  Defined in the executable, this time() is the one
** liblua5.4 calls, and a run is the same on every machine (with address
** randomisation off, see the Makefile's FUZZ_PIN).  Nothing the targets
** check reads the wall clock: the sandbox's budget uses CLOCK_MONOTONIC.
*/
#include <time.h>

#define FIXED_TIME ((time_t)1767225600)  /* 2026-01-01T00:00:00Z */

time_t time(time_t *t) {
  if (t != NULL) *t = FIXED_TIME;
  return FIXED_TIME;
}

/*
** fuzz.h -- what every libFuzzer target in tests/fuzz/ shares: the entry
** points libFuzzer calls, and FUZZ_CHECK, which reports a broken promise
** on standard error and aborts, so libFuzzer keeps the input as a crash.
*/
#ifndef CT_FUZZ_H
#define CT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_FAIL(...)                                         \
  (fprintf(stderr, "fuzz: %s:%d: ", __FILE__, __LINE__),       \
   fprintf(stderr, __VA_ARGS__), fputc('\n', stderr), abort())

#define FUZZ_CHECK(cond, ...)                                  \
  do {                                                         \
    if (!(cond)) FUZZ_FAIL(__VA_ARGS__);                       \
  } while (0)

/* Is refusing data as binary (CT_EBINARY) right: it holds a NUL byte, or
** starts with a UTF-16 byte order mark (FF FE, FE FF; UTF-32's hold NULs)?
** Written from the bytes, not by asking the library. */
static inline int fuzz_binary(const uint8_t *data, size_t size) {
  size_t i;
  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                    (data[0] == 0xFE && data[1] == 0xFF)))
    return 1;
  for (i = 0; i < size; i++)
    if (data[i] == 0) return 1;
  return 0;
}

#endif

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

#endif

#ifndef RESO_CFUZZDRIVER_H
#define RESO_CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with `callback` when the program was linked with it (-sanitize=fuzzer);
/// returns -1 at once in an ordinary build, where the symbol is absent.
int reso_run_fuzzer(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));

#endif

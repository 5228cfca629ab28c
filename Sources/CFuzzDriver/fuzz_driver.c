// libFuzzer's entry point, declared weak: an ordinary build links without libFuzzer and the
// fuzz targets replay inputs instead; a build with -sanitize=fuzzer links the real driver.
// SwiftPM gives every executable its own `main`, so libFuzzer's `main` is never used and
// its driver is called from there.
#include "CFuzzDriver.h"

extern int LLVMFuzzerRunDriver(int *argc, char ***argv,
                               int (*callback)(const uint8_t *data, size_t size)) __attribute__((weak));

int reso_run_fuzzer(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size)) {
    if (!LLVMFuzzerRunDriver) return -1;
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}

// SHA-256 block compression with the x86 SHA extensions, for ResolutionKit.SHA256: every
// document is hashed on every parse, and the portable Swift rounds were a tenth of parsing a
// long resolution. The Swift code keeps the padding; the portable rounds below serve
// processors without the extensions (one copy of the constants for both).
#ifndef RESO_CSHA256_H
#define RESO_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the SHA extensions (and SSSE3 and SSE4.1), else 0.
int reso_sha256_hardware(void);

/// Runs `blocks` 64-byte blocks of `data` through the compression function, updating `state`
/// (the eight working words, in order a…h). Only call when reso_sha256_hardware() is 1.
void reso_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The same compression in portable C, for any processor.
void reso_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif

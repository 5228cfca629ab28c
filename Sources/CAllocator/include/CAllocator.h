#ifndef RESO_CALLOCATOR_H
#define RESO_CALLOCATOR_H

/// Pins glibc's mmap threshold and keeps one arena (see Sources/reso/MemorySetup.swift for why). Does nothing
/// where the C library has no such setting.
void reso_keep_large_buffers_mapped(void);

#endif

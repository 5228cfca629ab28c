#ifndef RESO_CALLOCATOR_H
#define RESO_CALLOCATOR_H

/// Pins glibc's mmap threshold, keeps one arena and pads the heap's top (see allocator.c and
/// Sources/reso/MemorySetup.swift for why). Does nothing
/// where the C library has no such setting.
void reso_keep_large_buffers_mapped(void);

#endif

#include "CAllocator.h"
// <stdlib.h> first: it defines __GLIBC__ (through <features.h>) on glibc systems.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void reso_keep_large_buffers_mapped(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    // One arena: the parse's helper threads (the hash, the inline pass on the second core)
    // otherwise each get an arena of their own whose free space the main thread cannot reuse.
    mallopt(M_ARENA_MAX, 1);
#endif
}

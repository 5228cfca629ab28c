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
    // Keep 8 MiB of freed space at the heap's top instead of handing it back at once: a
    // parse frees and makes buffers of a megabyte or so all the time (line and block arrays,
    // JSON batches, the inline pass's results); handed back, each new one came as fresh pages,
    // each page a fault and zeroed by the kernel (a sixth of a 16 MB text's faults). A buffer
    // over the pinned threshold is still taken from the top while the top has room. 16 MiB
    // saved more faults, but left a 4 MB text of short lines at 8.2 times its size above the
    // runtime (PeakMemoryTests allows 8); 8 MiB leaves it at 7.4, where it was 7.0.
    mallopt(M_TOP_PAD, 8 * 1024 * 1024);
#endif
}

// What Swift cannot say itself, for the hot loops of Reprint: one header of static inline functions.
#ifndef C_REPRINT_SUPPORT_H
#define C_REPRINT_SUPPORT_H

#include <stdint.h>

/// Asks the CPU to bring the cache line holding `address` into the cache for a coming write
/// (`prefetchw` where the target has it, else a plain prefetch), without waiting for it: unlike a load, a prefetch that misses does not
/// hold up the instructions after it, so the misses of many random table probes overlap.
static inline void reprint_prefetch_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

/// Asks the CPU to bring the cache line holding `address` into the cache for a coming read, without waiting for it.
static inline void reprint_prefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// Of the eight 64-bit slots of a hash-table bucket at `line` (one cache line), the index of the
/// first whose high 32 bits are `fingerprint` or 0 (an empty slot), or 8 if there is none: the
/// eight slots compared at once (vector compares) instead of one by one.
static inline int reprint_bucket_stop(const uint64_t *line, uint32_t fingerprint) {
    typedef uint32_t words16 __attribute__((ext_vector_type(16)));
    typedef uint32_t words8 __attribute__((ext_vector_type(8)));
    words16 slots;
    __builtin_memcpy(&slots, line, sizeof slots);
    // A slot's high half is its odd 32-bit word (little-endian targets: x86-64, arm64).
    words8 high = __builtin_shufflevector(slots, slots, 1, 3, 5, 7, 9, 11, 13, 15);
    words8 stop = (words8)((high == fingerprint) | (high == 0));
    words8 bits = {1, 2, 4, 8, 16, 32, 64, 128};
    return __builtin_ctz(__builtin_reduce_or(stop & bits) | 256u);
}

#endif

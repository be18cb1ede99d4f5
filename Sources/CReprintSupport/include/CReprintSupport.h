// What Swift cannot say itself, for the hot loops of Reprint: one header of static inline functions.
#ifndef C_REPRINT_SUPPORT_H
#define C_REPRINT_SUPPORT_H

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

#endif

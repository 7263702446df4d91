#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/uio.h>
#include "gugus_system.h"

int gugus_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

long gugus_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    const char *found = memmem(haystack, haystack_length, needle, needle_length);
    return found ? (long)(found - (const char *)haystack) : -1;
}

long gugus_read_cached(int descriptor, void *buffer, size_t length, long offset) {
#if defined(__linux__) && defined(RWF_NOWAIT)
    struct iovec vector = { buffer, length };
    return preadv2(descriptor, &vector, 1, offset, RWF_NOWAIT);
#else
    errno = EAGAIN;
    return -1;
#endif
}

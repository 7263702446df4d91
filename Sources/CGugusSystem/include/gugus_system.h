#ifndef GUGUS_SYSTEM_H
#define GUGUS_SYSTEM_H

/// Atomically exchanges two paths on Linux (renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (EINVAL or ENOSYS when the
/// file system or kernel cannot exchange).
int gugus_exchange_paths(const char *first, const char *second);

#include <stddef.h>

/// The offset of the first occurrence of `needle` in `haystack`, or -1 (glibc's memmem).
long gugus_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif

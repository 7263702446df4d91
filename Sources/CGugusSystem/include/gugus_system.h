#ifndef GUGUS_SYSTEM_H
#define GUGUS_SYSTEM_H

/// Atomically exchanges two paths on Linux (renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (EINVAL or ENOSYS when the
/// file system or kernel cannot exchange).
int gugus_exchange_paths(const char *first, const char *second);

#endif

#ifndef GUGUS_COMPRESSION_H
#define GUGUS_COMPRESSION_H

#include <stddef.h>
#include <stdint.h>

/// The gzip file (RFC 1952) of `input`: no name, no time, deflate at `level` (1-9), so the
/// same bytes give the same file. The result is allocated with malloc (free it); NULL on
/// failure.
uint8_t *gugus_gzip(const uint8_t *input, size_t length, int level, size_t *output_length);

/// The Brotli stream (RFC 7932) of `input` at `quality` (0-11), its window fitted to the
/// input. Allocated with malloc (free it); NULL on failure.
uint8_t *gugus_brotli(const uint8_t *input, size_t length, int quality, size_t *output_length);

#endif

#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <brotli/encode.h>
#include "gugus_compression.h"

uint8_t *gugus_gzip(const uint8_t *input, size_t length, int level, size_t *output_length) {
    z_stream stream;
    memset(&stream, 0, sizeof(stream));
    // 15 + 16: the largest window, with a gzip header (zlib writes no name and time 0).
    if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return NULL;
    uLong bound = deflateBound(&stream, (uLong)length);
    uint8_t *output = malloc(bound > 0 ? bound : 1);
    if (!output) { deflateEnd(&stream); return NULL; }
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)length;
    stream.next_out = output;
    stream.avail_out = (uInt)bound;
    int result = deflate(&stream, Z_FINISH);
    *output_length = stream.total_out;
    deflateEnd(&stream);
    if (result != Z_STREAM_END) { free(output); return NULL; }
    return output;
}

uint8_t *gugus_brotli(const uint8_t *input, size_t length, int quality, size_t *output_length) {
    // A window no larger than the input needs (at least 2^16): less memory to set up for
    // the small files a site is made of, and the same output for the same bytes.
    int window = 16;
    while (window < BROTLI_MAX_WINDOW_BITS && ((size_t)1 << window) < length) window++;
    size_t bound = BrotliEncoderMaxCompressedSize(length);
    if (bound == 0) bound = length + 1024;
    uint8_t *output = malloc(bound);
    if (!output) return NULL;
    size_t size = bound;
    if (!BrotliEncoderCompress(quality, window, BROTLI_MODE_TEXT, length, input, &size, output)) {
        free(output);
        return NULL;
    }
    *output_length = size;
    return output;
}

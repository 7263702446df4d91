#ifndef GUGUS_IMAGES_H
#define GUGUS_IMAGES_H

/// The few libvips calls Gugus needs, with fixed arguments: libvips' own API is variadic,
/// which Swift cannot call.

#include <stddef.h>

/// Starts libvips once (safe to call from any thread, any number of times); 0 on success.
int gugus_images_start(void);

/// What the header of an image says, read without decoding its pixels.
typedef struct {
    int width;
    int height;
    /// EXIF orientation 1-8 (1 when there is none).
    int orientation;
    int bands;
    int has_alpha;
    /// The libvips loader that recognised the bytes, e.g. "jpegload", "heifload"; "" if none.
    char loader[32];
} gugus_image_header;

/// Reads the header of the file at `path`. Returns 0, or -1 with a message in `error`.
int gugus_image_read_header(const char *path, gugus_image_header *header, char *error, size_t error_size);

typedef enum {
    GUGUS_IMAGE_JPEG = 0,
    GUGUS_IMAGE_WEBP = 1,
    GUGUS_IMAGE_AVIF = 2,
    GUGUS_IMAGE_PNG = 3,
    GUGUS_IMAGE_GIF = 4,
    GUGUS_IMAGE_TIFF = 5,
    GUGUS_IMAGE_HEIC = 6,
} gugus_image_format;

/// One file to make from a source: its width (the height follows the oriented aspect ratio),
/// format and quality (1-100), written to `path`.
typedef struct {
    int width;
    gugus_image_format format;
    int quality;
    const char *path;
} gugus_image_output;

/// Decodes the source once, shrinking while it loads (JPEG, WebP, HEIF) to `base_width` (never
/// wider than the source), applies the EXIF orientation, converts it to sRGB, then writes every output without
/// any metadata (EXIF, GPS, XMP, IPTC, ICC). `ladder` (widths below `base_width`, widest
/// first) is resized rung by rung from that one decoded image; an output at another width
/// comes from the narrowest rung (or the decoded image) wider than it. An output's pixels
/// depend on the source and the ladder only, not on which other outputs are made with it. `max_pixels` refuses larger sources before
/// decoding. Returns 0, or -1 with a message in `error` (outputs written so far may remain).
int gugus_image_process(const char *source, int base_width, const int *ladder, int ladder_count, long long max_pixels, const gugus_image_output *outputs, int count,
                        char *error, size_t error_size);

/// The SHA-256 of a file's bytes as 64 hexadecimal digits (GLib's checksum), read in blocks.
/// Returns 0, or -1 when the file cannot be read.
int gugus_file_sha256(const char *path, char hex[65]);

#endif

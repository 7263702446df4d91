#include <stdio.h>
#include <string.h>
#include <vips/vips.h>
#include <webp/mux.h>
#include "gugus_images.h"

static GOnce started = G_ONCE_INIT;

/// libvips' warnings (a JPEG that ends early, say) are not for the terminal: what matters
/// comes back as an error of the call.
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static gpointer start_once(gpointer unused) {
    (void)unused;
    if (VIPS_INIT("gugus")) return GINT_TO_POINTER(1);
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG, quiet, NULL);
    // One image per thread: Gugus runs images side by side on every core, and libvips'
    // own threads would compete with them. No operation cache: memory stays bounded.
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    return GINT_TO_POINTER(2);
}

int gugus_images_start(void) {
    return GPOINTER_TO_INT(g_once(&started, start_once, NULL)) == 2 ? 0 : -1;
}

static void take_error(char *error, size_t size, const char *fallback) {
    const char *message = vips_error_buffer();
    snprintf(error, size, "%s", (message && *message) ? message : fallback);
    vips_error_clear();
}

int gugus_image_read_header(const char *path, gugus_image_header *header, char *error, size_t error_size) {
    memset(header, 0, sizeof(*header));
    if (gugus_images_start() != 0) { take_error(error, error_size, "libvips did not start"); return -1; }
    const char *loader = vips_foreign_find_load(path);
    if (!loader) { take_error(error, error_size, "not an image format libvips reads"); return -1; }
    // "VipsForeignLoadJpegFile" -> the nickname, e.g. "jpegload".
    VipsObjectClass *class = VIPS_OBJECT_CLASS(g_type_class_ref(g_type_from_name(loader)));
    snprintf(header->loader, sizeof(header->loader), "%s", class && class->nickname ? class->nickname : loader);
    VipsImage *image = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) { take_error(error, error_size, "the header cannot be read"); return -1; }
    header->width = vips_image_get_width(image);
    header->height = vips_image_get_height(image);
    header->bands = vips_image_get_bands(image);
    header->has_alpha = vips_image_hasalpha(image);
    int orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION) && vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation) == 0
        && orientation >= 1 && orientation <= 8) {
        header->orientation = orientation;
    } else {
        header->orientation = 1;
    }
    g_object_unref(image);
    return 0;
}

/// The image in sRGB (8 bits a band), whatever it was.
static int to_srgb(VipsImage *in, VipsImage **out) {
    VipsInterpretation interpretation = vips_image_guess_interpretation(in);
    if (interpretation == VIPS_INTERPRETATION_sRGB && vips_image_get_format(in) == VIPS_FORMAT_UCHAR) {
        g_object_ref(in);
        *out = in;
        return 0;
    }
    return vips_colourspace(in, out, VIPS_INTERPRETATION_sRGB, NULL);
}

/// libvips 8.14's WebP saver writes a small EXIF block even when told to strip (it rebuilds
/// one from the resolution): the chunk is taken out with libwebpmux before the file is written.
static int save_webp(VipsImage *image, const char *path, int quality) {
    void *encoded = NULL;
    size_t length = 0;
    if (vips_webpsave_buffer(image, &encoded, &length, "Q", quality, "strip", TRUE, "effort", 4, "smart_subsample", FALSE, NULL))
        return -1;
    WebPData data = {encoded, length};
    WebPMux *mux = WebPMuxCreate(&data, 0);
    WebPData assembled;
    WebPDataInit(&assembled);
    int failed = !mux;
    if (mux) {
        WebPMuxDeleteChunk(mux, "EXIF");
        WebPMuxDeleteChunk(mux, "XMP ");
        WebPMuxDeleteChunk(mux, "ICCP");
        failed = WebPMuxAssemble(mux, &assembled) != WEBP_MUX_OK;
        WebPMuxDelete(mux);
    }
    g_free(encoded);
    if (failed) {
        vips_error("gugus", "%s", "the WebP file cannot be assembled");
        WebPDataClear(&assembled);
        return -1;
    }
    FILE *file = fopen(path, "wb");
    failed = !file || fwrite(assembled.bytes, 1, assembled.size, file) != assembled.size;
    if (file && fclose(file) != 0) failed = 1;
    WebPDataClear(&assembled);
    if (failed) vips_error("gugus", "cannot write %s", path);
    return failed ? -1 : 0;
}

static int save(VipsImage *image, const gugus_image_output *output) {
    const char *path = output->path;
    int q = output->quality;
    switch (output->format) {
    case GUGUS_IMAGE_JPEG:
        return vips_jpegsave(image, path, "Q", q, "strip", TRUE, "optimize_coding", TRUE, NULL);
    case GUGUS_IMAGE_WEBP:
        return save_webp(image, path, q);
    case GUGUS_IMAGE_AVIF:
        return vips_heifsave(image, path, "Q", q, "strip", TRUE, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1, "effort", 2, NULL);
    case GUGUS_IMAGE_HEIC:
        return vips_heifsave(image, path, "Q", q, "strip", TRUE, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC, NULL);
    case GUGUS_IMAGE_PNG:
        return vips_pngsave(image, path, "strip", TRUE, "compression", 6, NULL);
    case GUGUS_IMAGE_GIF:
        return vips_gifsave(image, path, "strip", TRUE, NULL);
    case GUGUS_IMAGE_TIFF:
        return vips_tiffsave(image, path, "strip", TRUE, "compression", VIPS_FOREIGN_TIFF_COMPRESSION_DEFLATE, NULL);
    }
    vips_error("gugus", "unknown output format %d", (int)output->format);
    return -1;
}

int gugus_image_process(const char *source, int base_width, const int *ladder, int ladder_count, long long max_pixels, const gugus_image_output *outputs, int count,
                        char *error, size_t error_size) {
    if (gugus_images_start() != 0) { take_error(error, error_size, "libvips did not start"); return -1; }
    if (count <= 0) return 0;

    VipsImage *header = vips_image_new_from_file(source, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!header) { take_error(error, error_size, "the image cannot be read"); return -1; }
    long long pixels = (long long)vips_image_get_width(header) * (long long)vips_image_get_height(header);
    // Colour management only where there is something to convert (an embedded profile, or
    // CMYK): lcms on an sRGB photo without a profile took a twelfth of the time for nothing.
    int manage_colour = vips_image_get_typeof(header, VIPS_META_ICC_NAME) != 0
        || vips_image_guess_interpretation(header) == VIPS_INTERPRETATION_CMYK;
    g_object_unref(header);
    if (max_pixels > 0 && pixels > max_pixels) {
        snprintf(error, error_size, "the image has %lld pixels, more than the limit of %lld", pixels, max_pixels);
        return -1;
    }

    // Shrink-on-load, EXIF orientation applied, embedded colour profile converted to sRGB;
    // truncated or damaged data is an error, not a grey band.
    VipsImage *decoded = NULL;
    int failed_to_decode = manage_colour
        ? vips_thumbnail(source, &decoded, base_width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                         "export_profile", "srgb", "fail_on", VIPS_FAIL_ON_ERROR, NULL)
        : vips_thumbnail(source, &decoded, base_width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                         "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    if (failed_to_decode) {
        take_error(error, error_size, "the image cannot be decoded");
        return -1;
    }
    VipsImage *srgb = NULL;
    int failed = to_srgb(decoded, &srgb);
    g_object_unref(decoded);
    if (failed) { take_error(error, error_size, "the colours cannot be converted to sRGB"); return -1; }
    // Decoded once, into memory (at most the largest width asked): every output reads it.
    VipsImage *memory = vips_image_copy_memory(srgb);
    g_object_unref(srgb);
    if (!memory) { take_error(error, error_size, "the image cannot be decoded"); return -1; }
    // Nothing of the source's metadata travels on (the savers strip it too).
    gchar **fields = vips_image_get_fields(memory);
    for (int i = 0; fields && fields[i]; i++) {
        const char *name = fields[i];
        if (strcmp(name, VIPS_META_ORIENTATION) == 0 || strcmp(name, VIPS_META_ICC_NAME) == 0 || strcmp(name, VIPS_META_EXIF_NAME) == 0
            || strcmp(name, VIPS_META_XMP_NAME) == 0 || strcmp(name, VIPS_META_IPTC_NAME) == 0 || strcmp(name, VIPS_META_PHOTOSHOP_NAME) == 0
            || g_str_has_prefix(name, "exif-") || g_str_has_prefix(name, "heif-")) {
            vips_image_remove(memory, name);
        }
    }
    g_strfreev(fields);

    // The ladder: each rung resized from the one above it (the first from the decoded image)
    // and kept in memory, so that narrow widths do not read the widest image again. An output
    // at a rung's width is saved from the rung; another width (the picture for link previews)
    // is resized from the narrowest image wider than it. The pixels of every output depend
    // only on the source and the ladder, never on which other outputs are made with it.
    int depth = -1;  // the lowest rung any output needs
    for (int i = 0; i < count; i++) {
        for (int r = 0; r < ladder_count; r++) {
            if (ladder[r] >= outputs[i].width && r > depth) depth = r;
        }
    }
    VipsImage **rungs = g_new0(VipsImage *, ladder_count > 0 ? ladder_count : 1);
    int result = 0;
    VipsImage *above = memory;
    for (int r = 0; r <= depth && result == 0; r++) {
        VipsImage *resized = NULL;
        if (ladder[r] >= vips_image_get_width(above)
            || vips_thumbnail_image(above, &resized, ladder[r], "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL)) {
            take_error(error, error_size, "the image cannot be resized");
            result = -1;
            break;
        }
        rungs[r] = vips_image_copy_memory(resized);
        g_object_unref(resized);
        if (!rungs[r]) { take_error(error, error_size, "the image cannot be resized"); result = -1; break; }
        above = rungs[r];
    }
    // Each width is made once, and saved in every format asked.
    char *done = g_malloc0(count);
    for (int i = 0; i < count && result == 0; i++) {
        if (done[i]) continue;
        int width = outputs[i].width;
        VipsImage *from = memory;
        for (int r = 0; r <= depth; r++) if (rungs[r] && ladder[r] >= width) from = rungs[r];
        VipsImage *sized = NULL;
        if (width >= vips_image_get_width(from)) {
            g_object_ref(from);
            sized = from;
        } else if (vips_thumbnail_image(from, &sized, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL)) {
            take_error(error, error_size, "the image cannot be resized");
            result = -1;
            break;
        }
        for (int j = i; j < count && result == 0; j++) {
            if (done[j] || outputs[j].width != width) continue;
            done[j] = 1;
            if (save(sized, &outputs[j])) {
                take_error(error, error_size, "the image cannot be written");
                result = -1;
            }
        }
        g_object_unref(sized);
    }
    g_free(done);
    for (int r = 0; r < ladder_count; r++) if (rungs[r]) g_object_unref(rungs[r]);
    g_free(rungs);
    g_object_unref(memory);
    return result;
}

int gugus_file_sha256(const char *path, char hex[65]) {
    FILE *file = fopen(path, "rb");
    if (!file) return -1;
    GChecksum *checksum = g_checksum_new(G_CHECKSUM_SHA256);
    unsigned char buffer[1 << 16];
    size_t count;
    while ((count = fread(buffer, 1, sizeof(buffer), file)) > 0) g_checksum_update(checksum, buffer, count);
    int failed = ferror(file);
    fclose(file);
    if (!failed) snprintf(hex, 65, "%s", g_checksum_get_string(checksum));
    g_checksum_free(checksum);
    return failed ? -1 : 0;
}

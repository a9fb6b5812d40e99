// The libvips side of CVipsShim.h. See the header for the contract of each function.

#include "CVipsShim.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vips/vips.h>

// MARK: - Messages

static void put_message(char *message, size_t message_size, const char *text) {
    if (message == NULL || message_size == 0) {
        return;
    }
    g_strlcpy(message, text != NULL ? text : "", message_size);
    // libvips ends each error with a newline; callers want one clean line.
    size_t length = strlen(message);
    while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == ' ')) {
        message[--length] = '\0';
    }
    for (size_t i = 0; i < length; i++) {
        if (message[i] == '\n') {
            message[i] = ' ';
        }
    }
}

// Takes libvips' error buffer (shared by the process) and clears it in one step.
static void take_vips_error(char *message, size_t message_size) {
    char *text = vips_error_buffer_copy();
    put_message(message, message_size, text != NULL && text[0] != '\0' ? text : "libvips failed without saying why");
    g_free(text);
}

// MARK: - Start-up

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int start_result = -1;
static char start_message[TOASOAN_VIPS_MESSAGE_SIZE];

static void start_vips(void) {
    // VIPS_INIT is a macro around vips_init that also checks the ABI; vips_init is what it calls.
    if (vips_init("toasoan") != 0) {
        take_vips_error(start_message, sizeof start_message);
        return;
    }
    // No operation cache: memory stays bounded, and a file replaced on disk is never served
    // from a stale cached load.
    vips_cache_set_max(0);
    // Requests run side by side on a small server; one worker per pipeline shares cores fairly.
    if (g_getenv("VIPS_CONCURRENCY") == NULL) {
        vips_concurrency_set(1);
    }
    start_result = 0;
}

int toasoan_vips_start(char *message, size_t message_size) {
    pthread_once(&start_once, start_vips);
    if (start_result != 0) {
        put_message(message, message_size, start_message);
    }
    return start_result;
}

// MARK: - Reading files

toasoan_vips_status toasoan_vips_find_loader(const char *path, char *loader, size_t loader_size,
                                             char *message, size_t message_size) {
    if (toasoan_vips_start(message, message_size) != 0) {
        return TOASOAN_VIPS_FAILED;
    }
    // Tell "cannot read" apart from "not an image" before libvips looks; O_NONBLOCK so a FIFO
    // cannot hang us.
    int descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (descriptor < 0) {
        put_message(message, message_size, strerror(errno));
        return TOASOAN_VIPS_UNREADABLE;
    }
    struct stat status;
    int stat_result = fstat(descriptor, &status);
    int stat_errno = errno;
    close(descriptor);
    if (stat_result != 0) {
        put_message(message, message_size, strerror(stat_errno));
        return TOASOAN_VIPS_UNREADABLE;
    }
    if (!S_ISREG(status.st_mode)) {
        put_message(message, message_size, S_ISDIR(status.st_mode) ? "is a directory" : "is not a regular file");
        return TOASOAN_VIPS_UNREADABLE;
    }

    const char *name = vips_foreign_find_load(path);
    if (name == NULL) {
        take_vips_error(message, message_size);
        return TOASOAN_VIPS_NOT_AN_IMAGE;
    }
    g_strlcpy(loader, name, loader_size);
    return TOASOAN_VIPS_OK;
}

toasoan_vips_status toasoan_vips_read_header(const char *path, const char *loader, int *width, int *height,
                                             char *message, size_t message_size) {
    if (toasoan_vips_start(message, message_size) != 0) {
        return TOASOAN_VIPS_FAILED;
    }
    // Calling the loader the caller vetted (rather than vips_image_new_from_file, which detects
    // again) means the bytes we checked are the bytes this loader parses. Loads are lazy: only
    // the header is read until someone asks for pixels.
    VipsImage *image = NULL;
    if (vips_call(loader, path, &image, "access", VIPS_ACCESS_SEQUENTIAL, NULL) != 0) {
        take_vips_error(message, message_size);
        return TOASOAN_VIPS_FAILED;
    }
    *width = vips_image_get_width(image);
    *height = vips_image_get_height(image);
    g_object_unref(image);
    return TOASOAN_VIPS_OK;
}

int toasoan_vips_has_field(const char *path, const char *loader, const char *name, char *message,
                           size_t message_size) {
    if (toasoan_vips_start(message, message_size) != 0) {
        return -1;
    }
    VipsImage *image = NULL;
    if (vips_call(loader, path, &image, "access", VIPS_ACCESS_SEQUENTIAL, NULL) != 0) {
        take_vips_error(message, message_size);
        return -1;
    }
    int found = vips_image_get_typeof(image, name) != 0;
    g_object_unref(image);
    return found;
}

void toasoan_vips_free_bytes(void *bytes) {
    g_free(bytes);
}

static void *count_object(void *object, void *a, void *b) {
    (void)object;
    (void)b;
    (*(long *)a)++;
    return NULL;
}

long toasoan_vips_live_objects(void) {
    if (toasoan_vips_start(NULL, 0) != 0) {
        return 0;
    }
    long count = 0;
    vips_object_map((VipsSListMap2Fn)count_object, &count, NULL);
    return count;
}

size_t toasoan_vips_tracked_memory(void) {
    return vips_tracked_get_mem();
}

// MARK: - Encoding

// A copy of `image` (sharing its pixels) without metadata: EXIF (GPS positions, camera serials,
// capture times), XMP, IPTC, ICC profiles, comments. The savers' "strip" should be enough, but
// webpsave in 8.14 writes EXIF, XMP and ICC despite it (a test publishes nothing else).
static VipsImage *without_metadata(VipsImage *image) {
    VipsImage *copy = NULL;
    if (vips_copy(image, &copy, NULL) != 0) {
        return NULL;
    }
    gchar **fields = vips_image_get_fields(copy);
    for (int i = 0; fields[i] != NULL; i++) {
        // Width, height and the like are not metadata and stay; "vips-" items are libvips' own.
        if (!vips_isprefix("vips-", fields[i])) {
            vips_image_remove(copy, fields[i]);
        }
    }
    g_strfreev(fields);
    return copy;
}

// Removes EXIF, XMP and ICC chunks from a WebP file in place, and their flags from its VP8X header.
// webpsave in 8.14 writes a fresh EXIF chunk (resolution, dimensions) even with no metadata left to
// write. A chunk that runs past the end is left as it is, with everything after it.
static void remove_webp_metadata(unsigned char *bytes, size_t *length) {
    if (*length < 12 || memcmp(bytes, "RIFF", 4) != 0 || memcmp(bytes + 8, "WEBP", 4) != 0) {
        return;
    }
    size_t read = 12, write = 12;
    unsigned char *vp8x = NULL;
    while (read + 8 <= *length) {
        const unsigned char *header = bytes + read;
        size_t size = (size_t)header[4] | (size_t)header[5] << 8 | (size_t)header[6] << 16 | (size_t)header[7] << 24;
        size_t whole = 8 + size + (size & 1); // chunks are padded to an even size
        if (whole > *length - read) {
            break;
        }
        if (memcmp(header, "EXIF", 4) != 0 && memcmp(header, "XMP ", 4) != 0 && memcmp(header, "ICCP", 4) != 0) {
            memmove(bytes + write, header, whole);
            if (memcmp(bytes + write, "VP8X", 4) == 0 && size >= 1) {
                vp8x = bytes + write;
            }
            write += whole;
        }
        read += whole;
    }
    memmove(bytes + write, bytes + read, *length - read);
    write += *length - read;
    if (vp8x != NULL) {
        vp8x[8] &= (unsigned char)~(0x20 | 0x08 | 0x04); // ICC, EXIF, XMP
    }
    *length = write;
    size_t riff = write - 8;
    bytes[4] = (unsigned char)riff;
    bytes[5] = (unsigned char)(riff >> 8);
    bytes[6] = (unsigned char)(riff >> 16);
    bytes[7] = (unsigned char)(riff >> 24);
}

static int encode_image(VipsImage *image, toasoan_vips_format format, int quality, void **bytes, size_t *length,
                        char *message, size_t message_size) {
    int q = quality < 1 ? 1 : quality > 100 ? 100 : quality;
    int result;
    *bytes = NULL;
    *length = 0;
    VipsImage *bare = without_metadata(image);
    if (bare == NULL) {
        take_vips_error(message, message_size);
        return -1;
    }
    // Drop metadata: our files carry none worth publishing. ("strip" became "keep" in 8.15.)
#if VIPS_MAJOR_VERSION > 8 || (VIPS_MAJOR_VERSION == 8 && VIPS_MINOR_VERSION >= 15)
#define TOASOAN_NO_METADATA "keep", VIPS_FOREIGN_KEEP_NONE
#else
#define TOASOAN_NO_METADATA "strip", TRUE
#endif
    switch (format) {
    case TOASOAN_VIPS_JPEG:
        result = vips_jpegsave_buffer(bare, bytes, length, "Q", q, "optimize_coding", TRUE, TOASOAN_NO_METADATA, NULL);
        break;
    case TOASOAN_VIPS_PNG:
        result = vips_pngsave_buffer(bare, bytes, length, "compression", 6, TOASOAN_NO_METADATA, NULL);
        break;
    case TOASOAN_VIPS_WEBP:
        result = vips_webpsave_buffer(bare, bytes, length, "Q", q, TOASOAN_NO_METADATA, NULL);
        if (result == 0) {
            remove_webp_metadata(*bytes, length);
        }
        break;
    case TOASOAN_VIPS_GIF:
        result = vips_gifsave_buffer(bare, bytes, length, TOASOAN_NO_METADATA, NULL);
        break;
    default:
        g_object_unref(bare);
        put_message(message, message_size, "unknown output format");
        return -1;
    }
#undef TOASOAN_NO_METADATA
    g_object_unref(bare);
    if (result != 0) {
        take_vips_error(message, message_size);
        g_free(*bytes);
        *bytes = NULL;
        *length = 0;
        return -1;
    }
    return 0;
}

// MARK: - Variants

struct toasoan_variant {
    VipsImage *image; // upright, resized, 8-bit sRGB (or grey), in memory
};

// Takes ownership of `lazy`: computes it into memory and wraps it, or returns NULL with the reason.
static toasoan_variant *keep_variant(VipsImage *lazy, char *message, size_t message_size) {
    // In memory, so both encodings of this width, and the smaller widths made from it, reuse
    // the pixels instead of decoding the file again (a sequential load cannot be read twice).
    VipsImage *memory = vips_image_copy_memory(lazy);
    g_object_unref(lazy);
    if (memory == NULL) {
        take_vips_error(message, message_size);
        return NULL;
    }
    toasoan_variant *variant = g_new0(toasoan_variant, 1);
    variant->image = memory;
    return variant;
}

// Loads the file with vips_thumbnail into a `width` × `height` box: the whole image within it (crop = FALSE, height
// VIPS_MAX_COORD: width decides alone), or covering it and cut to it around the centre (crop = TRUE).
static toasoan_variant *thumbnail_file(const char *path, const char *loader, int width, int height, int crop,
                                       char *message, size_t message_size) {
    if (toasoan_vips_start(message, message_size) != 0) {
        return NULL;
    }
    if (width < 1 || width > VIPS_MAX_COORD || height < 1 || height > VIPS_MAX_COORD) {
        put_message(message, message_size, "variant size out of range");
        return NULL;
    }
    // vips_thumbnail picks its loader itself (it needs the loader's shrink-on-load); make sure it
    // is still the one the caller vetted, so no other parser ever sees these bytes.
    const char *found = vips_foreign_find_load(path);
    if (found == NULL) {
        take_vips_error(message, message_size);
        return NULL;
    }
    if (strcmp(found, loader) != 0) {
        put_message(message, message_size, "the file changed after it was checked");
        return NULL;
    }
    // Colours described by an embedded ICC profile are converted to sRGB: the profile is not
    // published, and without it they would be shown wrong. Only then: asked to export, 8.14's
    // thumbnail transforms every image through XYZ (70 ms at 1600×900), profile or not.
    VipsImage *header = NULL;
    if (vips_call(loader, path, &header, "access", VIPS_ACCESS_SEQUENTIAL, NULL) != 0) {
        take_vips_error(message, message_size);
        return NULL;
    }
    int has_profile = vips_image_get_typeof(header, VIPS_META_ICC_NAME) != 0;
    g_object_unref(header);

    // Without a crop, width decides alone: a box `width` wide and as tall as libvips allows. With one,
    // the upright image is scaled until it covers the box and the box's middle is kept. SIZE_DOWN never
    // enlarges. Thumbnailing turns the image upright by its EXIF orientation and loads only the
    // first page (frame) of animations. A truncated file is an error rather than a picture with a
    // grey bottom.
    VipsInteresting interesting = crop ? VIPS_INTERESTING_CENTRE : VIPS_INTERESTING_NONE;
    VipsImage *thumbnail = NULL;
    int result = has_profile
        ? vips_thumbnail(path, &thumbnail, width, "height", height, "size", VIPS_SIZE_DOWN, "crop", interesting,
                         "fail_on", VIPS_FAIL_ON_TRUNCATED, "export_profile", "srgb", NULL)
        : vips_thumbnail(path, &thumbnail, width, "height", height, "size", VIPS_SIZE_DOWN, "crop", interesting,
                         "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
    if (result != 0) {
        take_vips_error(message, message_size);
        return NULL;
    }
    return keep_variant(thumbnail, message, message_size);
}

toasoan_variant *toasoan_variant_new(const char *path, const char *loader, int width, char *message,
                                     size_t message_size) {
    return thumbnail_file(path, loader, width, VIPS_MAX_COORD, 0, message, message_size);
}

toasoan_variant *toasoan_variant_new_crop(const char *path, const char *loader, int width, int height, char *message,
                                          size_t message_size) {
    return thumbnail_file(path, loader, width, height, 1, message, message_size);
}

toasoan_variant *toasoan_variant_new_smaller(const toasoan_variant *variant, int width, char *message,
                                             size_t message_size) {
    if (width < 1 || width > VIPS_MAX_COORD) {
        put_message(message, message_size, "variant width out of range");
        return NULL;
    }
    VipsImage *thumbnail = NULL;
    // Already upright: no_rotate, in case an orientation field survived.
    if (vips_thumbnail_image(variant->image, &thumbnail, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                             "no_rotate", TRUE, NULL) != 0) {
        take_vips_error(message, message_size);
        return NULL;
    }
    return keep_variant(thumbnail, message, message_size);
}

int toasoan_variant_width(const toasoan_variant *variant) {
    return vips_image_get_width(variant->image);
}

int toasoan_variant_height(const toasoan_variant *variant) {
    return vips_image_get_height(variant->image);
}

int toasoan_variant_encode(const toasoan_variant *variant, toasoan_vips_format format, int quality, void **bytes,
                           size_t *length, char *message, size_t message_size) {
    return encode_image(variant->image, format, quality, bytes, length, message, message_size);
}

void toasoan_variant_free(toasoan_variant *variant) {
    if (variant == NULL) {
        return;
    }
    VIPS_UNREF(variant->image);
    g_free(variant);
}

// MARK: - Canvas

// Vertical sub-samples per pixel row; horizontal coverage is computed exactly.
#define SUBSAMPLES 8

struct toasoan_canvas {
    VipsImage *image; // width × height × 3 uchar sRGB, in memory so it can be drawn on in place
    int width;
    int height;
    // Coverage (0–255) of the shape being collected, and the rectangle it touches.
    unsigned char *mask;
    int dirty_left, dirty_top, dirty_right, dirty_bottom; // right and bottom exclusive
    // One row of coverage being accumulated: direct amounts, and run starts/ends (prefix-summed).
    float *cover;
    float *delta;
};

// A width × height 3-band gradient image (lazy), `top` on row 0 and `bottom` on the last row.
// The colour maths runs on one column, which vips_embed then repeats across: a full-size
// vips_xyz → vips_linear → vips_cast pipeline costs ~30 ms at 1200×675, the column well under one.
static int make_gradient(int width, int height, const double top[3], const double bottom[3], VipsImage **out) {
    VipsImage *xyz = NULL, *y = NULL, *colour = NULL, *bytes = NULL, *wide = NULL;
    double scale[3], offset[3];
    double span = height > 1 ? (double)(height - 1) : 1.0;
    for (int i = 0; i < 3; i++) {
        scale[i] = (bottom[i] - top[i]) / span;
        offset[i] = top[i] + 0.5; // round, since the cast truncates
    }
    int result = -1;
    if (vips_xyz(&xyz, 1, height, NULL) == 0 &&
        vips_extract_band(xyz, &y, 1, NULL) == 0 &&
        vips_linear(y, &colour, scale, offset, 3, NULL) == 0 &&
        vips_cast_uchar(colour, &bytes, NULL) == 0 &&
        vips_embed(bytes, &wide, 0, 0, width, height, "extend", VIPS_EXTEND_COPY, NULL) == 0 &&
        vips_copy(wide, out, "interpretation", VIPS_INTERPRETATION_sRGB, NULL) == 0) {
        result = 0;
    }
    VIPS_UNREF(xyz);
    VIPS_UNREF(y);
    VIPS_UNREF(colour);
    VIPS_UNREF(bytes);
    VIPS_UNREF(wide);
    return result;
}

toasoan_canvas *toasoan_canvas_new(int width, int height, const double top_rgb[3], const double bottom_rgb[3],
                                   char *message, size_t message_size) {
    if (toasoan_vips_start(message, message_size) != 0) {
        return NULL;
    }
    if (width < 1 || height < 1 || width > VIPS_MAX_COORD || height > VIPS_MAX_COORD) {
        put_message(message, message_size, "canvas size out of range");
        return NULL;
    }
    VipsImage *gradient = NULL;
    if (make_gradient(width, height, top_rgb, bottom_rgb, &gradient) != 0) {
        take_vips_error(message, message_size);
        return NULL;
    }
    VipsImage *image = vips_image_copy_memory(gradient);
    g_object_unref(gradient);
    if (image == NULL) {
        take_vips_error(message, message_size);
        return NULL;
    }
    toasoan_canvas *canvas = g_new0(toasoan_canvas, 1);
    canvas->image = image;
    canvas->width = width;
    canvas->height = height;
    canvas->mask = g_malloc0((size_t)width * (size_t)height);
    canvas->cover = g_new0(float, (size_t)width + 2);
    canvas->delta = g_new0(float, (size_t)width + 2);
    canvas->dirty_left = canvas->dirty_top = canvas->dirty_right = canvas->dirty_bottom = 0;
    return canvas;
}

void toasoan_canvas_free(toasoan_canvas *canvas) {
    if (canvas == NULL) {
        return;
    }
    VIPS_UNREF(canvas->image);
    g_free(canvas->mask);
    g_free(canvas->cover);
    g_free(canvas->delta);
    g_free(canvas);
}

int toasoan_canvas_gradient(toasoan_canvas *canvas, int left, int top, int width, int height,
                            const double top_rgb[3], const double bottom_rgb[3], char *message, size_t message_size) {
    // Clip, and move the end colours so the visible part keeps its place in the full gradient.
    int x0 = MAX(left, 0), y0 = MAX(top, 0);
    int x1 = MIN(left + width, canvas->width), y1 = MIN(top + height, canvas->height);
    if (x1 <= x0 || y1 <= y0) {
        return 0;
    }
    double span = height > 1 ? (double)(height - 1) : 1.0;
    double from[3], to[3];
    for (int i = 0; i < 3; i++) {
        double step = (bottom_rgb[i] - top_rgb[i]) / span;
        from[i] = top_rgb[i] + step * (y0 - top);
        to[i] = top_rgb[i] + step * (y1 - 1 - top);
    }
    VipsImage *gradient = NULL;
    if (make_gradient(x1 - x0, y1 - y0, from, to, &gradient) != 0 ||
        vips_draw_image(canvas->image, gradient, x0, y0, NULL) != 0) {
        VIPS_UNREF(gradient);
        take_vips_error(message, message_size);
        return -1;
    }
    g_object_unref(gradient);
    return 0;
}

// Adds coverage `weight` for the horizontal span [a, b) of the current row, within [x0, x1).
static void add_span(toasoan_canvas *canvas, double a, double b, float weight, int x0, int x1) {
    if (a < x0) a = x0;
    if (b > x1) b = x1;
    if (!(a < b)) {
        return; // empty, or NaN
    }
    int ia = (int)a, ib = (int)b;
    if (ia == ib) {
        canvas->cover[ia] += (float)(b - a) * weight;
        return;
    }
    canvas->cover[ia] += (float)(ia + 1 - a) * weight;
    canvas->delta[ia + 1] += weight;
    canvas->delta[ib] -= weight;
    if (ib < x1) {
        canvas->cover[ib] += (float)(b - ib) * weight;
    }
}

static void begin_row(toasoan_canvas *canvas, int x0, int x1) {
    memset(canvas->cover + x0, 0, sizeof(float) * (size_t)(x1 - x0 + 1));
    memset(canvas->delta + x0, 0, sizeof(float) * (size_t)(x1 - x0 + 1));
}

// Merges the accumulated row into the mask; overlapping shapes take the larger coverage.
static void end_row(toasoan_canvas *canvas, int y, int x0, int x1) {
    unsigned char *row = canvas->mask + (size_t)y * (size_t)canvas->width;
    float running = 0;
    for (int x = x0; x < x1; x++) {
        running += canvas->delta[x];
        float value = (canvas->cover[x] + running) * 255.0f + 0.5f;
        int level = value >= 255.0f ? 255 : value <= 0.0f ? 0 : (int)value;
        if (level > row[x]) {
            row[x] = (unsigned char)level;
        }
    }
}

static void mark_dirty(toasoan_canvas *canvas, int x0, int y0, int x1, int y1) {
    if (canvas->dirty_right <= canvas->dirty_left || canvas->dirty_bottom <= canvas->dirty_top) {
        canvas->dirty_left = x0;
        canvas->dirty_top = y0;
        canvas->dirty_right = x1;
        canvas->dirty_bottom = y1;
        return;
    }
    canvas->dirty_left = MIN(canvas->dirty_left, x0);
    canvas->dirty_top = MIN(canvas->dirty_top, y0);
    canvas->dirty_right = MAX(canvas->dirty_right, x1);
    canvas->dirty_bottom = MAX(canvas->dirty_bottom, y1);
}

// Clips a bounding box to the canvas; returns 0 when nothing is left.
static int clip_box(const toasoan_canvas *canvas, double min_x, double min_y, double max_x, double max_y,
                    int *x0, int *y0, int *x1, int *y1) {
    if (!(min_x < max_x) || !(min_y < max_y)) {
        return 0; // also refuses NaN
    }
    *x0 = (int)MAX(floor(min_x), 0.0);
    *y0 = (int)MAX(floor(min_y), 0.0);
    *x1 = (int)MIN(ceil(max_x), (double)canvas->width);
    *y1 = (int)MIN(ceil(max_y), (double)canvas->height);
    return *x0 < *x1 && *y0 < *y1;
}

typedef struct polygon_edge {
    double top, bottom; // top < bottom
    double x_at_top, slope; // x = x_at_top + (y - top) * slope
} polygon_edge;

static int compare_edge_tops(const void *a, const void *b) {
    double ta = ((const polygon_edge *)a)->top, tb = ((const polygon_edge *)b)->top;
    return ta < tb ? -1 : ta > tb;
}

void toasoan_canvas_add_polygon(toasoan_canvas *canvas, const double *xy, int point_count) {
    if (point_count < 3) {
        return;
    }
    for (int i = 0; i < 2 * point_count; i++) {
        if (!isfinite(xy[i])) {
            return; // no sensible shape to draw
        }
    }
    double min_x = xy[0], max_x = xy[0], min_y = xy[1], max_y = xy[1];
    for (int i = 1; i < point_count; i++) {
        min_x = MIN(min_x, xy[2 * i]);
        max_x = MAX(max_x, xy[2 * i]);
        min_y = MIN(min_y, xy[2 * i + 1]);
        max_y = MAX(max_y, xy[2 * i + 1]);
    }
    int x0, y0, x1, y1;
    if (!clip_box(canvas, min_x, min_y, max_x, max_y, &x0, &y0, &x1, &y1)) {
        return;
    }
    // Edges sorted by their top; a sweep down the rows keeps only those the row can cross.
    polygon_edge *edges = g_new(polygon_edge, (size_t)point_count);
    int edge_count = 0;
    for (int i = 0, j = point_count - 1; i < point_count; j = i++) {
        double xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];
        if (yi == yj) {
            continue; // horizontal edges cross no scanline
        }
        polygon_edge *edge = &edges[edge_count++];
        if (yi < yj) {
            *edge = (polygon_edge){yi, yj, xi, (xj - xi) / (yj - yi)};
        } else {
            *edge = (polygon_edge){yj, yi, xj, (xi - xj) / (yi - yj)};
        }
    }
    qsort(edges, (size_t)edge_count, sizeof *edges, compare_edge_tops);
    int *active = g_new(int, (size_t)MAX(edge_count, 1));
    double *crossings = g_new(double, (size_t)MAX(edge_count, 1));
    int active_count = 0, next = 0;
    const float weight = 1.0f / SUBSAMPLES;
    for (int y = y0; y < y1; y++) {
        begin_row(canvas, x0, x1);
        for (int s = 0; s < SUBSAMPLES; s++) {
            double sy = y + (s + 0.5) / SUBSAMPLES;
            while (next < edge_count && edges[next].top <= sy) {
                active[active_count++] = next++;
            }
            int count = 0, kept = 0;
            for (int a = 0; a < active_count; a++) {
                const polygon_edge *edge = &edges[active[a]];
                if (edge->bottom <= sy) {
                    continue; // finished: drop it
                }
                active[kept++] = active[a];
                double x = edge->x_at_top + (sy - edge->top) * edge->slope;
                // Insertion sort: a row crosses few edges.
                int k = count++;
                while (k > 0 && crossings[k - 1] > x) {
                    crossings[k] = crossings[k - 1];
                    k--;
                }
                crossings[k] = x;
            }
            active_count = kept;
            for (int k = 0; k + 1 < count; k += 2) {
                add_span(canvas, crossings[k], crossings[k + 1], weight, x0, x1);
            }
        }
        end_row(canvas, y, x0, x1);
    }
    g_free(crossings);
    g_free(active);
    g_free(edges);
    mark_dirty(canvas, x0, y0, x1, y1);
}

void toasoan_canvas_add_ellipse(toasoan_canvas *canvas, double cx, double cy, double rx, double ry) {
    if (!(rx > 0) || !(ry > 0) || !isfinite(cx) || !isfinite(cy) || !isfinite(rx) || !isfinite(ry)) {
        return;
    }
    int x0, y0, x1, y1;
    if (!clip_box(canvas, cx - rx, cy - ry, cx + rx, cy + ry, &x0, &y0, &x1, &y1)) {
        return;
    }
    const float weight = 1.0f / SUBSAMPLES;
    for (int y = y0; y < y1; y++) {
        begin_row(canvas, x0, x1);
        for (int s = 0; s < SUBSAMPLES; s++) {
            double dy = (y + (s + 0.5) / SUBSAMPLES - cy) / ry;
            if (dy > -1 && dy < 1) {
                double half = rx * sqrt(1 - dy * dy);
                add_span(canvas, cx - half, cx + half, weight, x0, x1);
            }
        }
        end_row(canvas, y, x0, x1);
    }
    mark_dirty(canvas, x0, y0, x1, y1);
}

void toasoan_canvas_add_glow(toasoan_canvas *canvas, double cx, double cy, double inner_radius, double outer_radius) {
    if (!(outer_radius > 0) || !isfinite(outer_radius) || !isfinite(cx) || !isfinite(cy) || isnan(inner_radius)) {
        return;
    }
    double inner = inner_radius < 0 ? 0 : MIN(inner_radius, outer_radius);
    int x0, y0, x1, y1;
    if (!clip_box(canvas, cx - outer_radius, cy - outer_radius, cx + outer_radius, cy + outer_radius,
                  &x0, &y0, &x1, &y1)) {
        return;
    }
    double fade = outer_radius - inner;
    for (int y = y0; y < y1; y++) {
        unsigned char *row = canvas->mask + (size_t)y * (size_t)canvas->width;
        double dy = y + 0.5 - cy;
        for (int x = x0; x < x1; x++) {
            double dx = x + 0.5 - cx;
            double distance = sqrt(dx * dx + dy * dy);
            double t = distance <= inner ? 1 : distance >= outer_radius ? 0 : (outer_radius - distance) / fade;
            int level = (int)(t * t * (3 - 2 * t) * 255 + 0.5); // smoothstep: no visible rim
            if (level > row[x]) {
                row[x] = (unsigned char)level;
            }
        }
    }
    mark_dirty(canvas, x0, y0, x1, y1);
}

static void clear_mask(toasoan_canvas *canvas) {
    for (int y = canvas->dirty_top; y < canvas->dirty_bottom; y++) {
        memset(canvas->mask + (size_t)y * (size_t)canvas->width + canvas->dirty_left, 0,
               (size_t)(canvas->dirty_right - canvas->dirty_left));
    }
    canvas->dirty_left = canvas->dirty_top = canvas->dirty_right = canvas->dirty_bottom = 0;
}

// x / 255, exact for x < 65535, without a division instruction.
static inline unsigned int divide_by_255(unsigned int x) {
    return (x + 1 + (x >> 8)) >> 8;
}

// Blends `ink` into the canvas through a coverage mask placed at (left, top): what
// vips_draw_mask does, without its per-call pipeline (~0.5 ms) and per-pixel double maths
// (~10 ns a pixel here), which made one illustration take 100–200 ms.
static void blend(toasoan_canvas *canvas, const unsigned char *mask, size_t stride, int left, int top, int width,
                  int height, const double rgb[3], double opacity) {
    unsigned int strength = opacity >= 1 ? 255 : (unsigned int)(opacity * 255 + 0.5);
    unsigned int ink[3];
    for (int i = 0; i < 3; i++) {
        double value = !(rgb[i] > 0) ? 0 : rgb[i] > 255 ? 255 : rgb[i]; // NaN too
        ink[i] = (unsigned int)(value + 0.5);
    }
    for (int y = 0; y < height; y++) {
        const unsigned char *coverage = mask + (size_t)y * stride;
        VipsPel *pixel = VIPS_IMAGE_ADDR(canvas->image, left, top + y);
        for (int x = 0; x < width; x++, pixel += 3) {
            unsigned int alpha = strength == 255 ? coverage[x] : divide_by_255(coverage[x] * strength + 127);
            if (alpha == 0) {
                continue;
            }
            if (alpha == 255) {
                pixel[0] = (VipsPel)ink[0];
                pixel[1] = (VipsPel)ink[1];
                pixel[2] = (VipsPel)ink[2];
                continue;
            }
            for (int band = 0; band < 3; band++) {
                pixel[band] = (VipsPel)divide_by_255(ink[band] * alpha + pixel[band] * (255 - alpha) + 127);
            }
        }
    }
}

// One horizontal box-blur pass of radius `radius` over a row, via a running sum. Samples beyond
// either end count as zero: the area has a margin of empty mask around the shape.
static void box_row(unsigned char *row, int count, int radius, unsigned char *scratch) {
    unsigned int window = (unsigned int)(2 * radius + 1), sum = 0;
    unsigned int reciprocal = (65536u + window / 2) / window; // sum / window as a multiply
    memcpy(scratch, row, (size_t)count);
    for (int i = 0; i <= radius && i < count; i++) {
        sum += scratch[i];
    }
    for (int i = 0; i < count; i++) {
        row[i] = (unsigned char)MIN((sum * reciprocal + 32768u) >> 16, 255u);
        if (i + radius + 1 < count) {
            sum += scratch[i + radius + 1];
        }
        if (i - radius >= 0) {
            sum -= scratch[i - radius];
        }
    }
}

// One vertical box-blur pass from `from` into `to`, whole rows at a time (cache-friendly).
static void box_columns(const unsigned char *from, unsigned char *to, int width, int height, int radius,
                        unsigned int *sums) {
    unsigned int window = (unsigned int)(2 * radius + 1);
    unsigned int reciprocal = (65536u + window / 2) / window;
    memset(sums, 0, sizeof(unsigned int) * (size_t)width);
    for (int y = 0; y <= radius && y < height; y++) {
        const unsigned char *row = from + (size_t)y * (size_t)width;
        for (int x = 0; x < width; x++) {
            sums[x] += row[x];
        }
    }
    for (int y = 0; y < height; y++) {
        unsigned char *out = to + (size_t)y * (size_t)width;
        for (int x = 0; x < width; x++) {
            out[x] = (unsigned char)MIN((sums[x] * reciprocal + 32768u) >> 16, 255u);
        }
        if (y + radius + 1 < height) {
            const unsigned char *enter = from + (size_t)(y + radius + 1) * (size_t)width;
            for (int x = 0; x < width; x++) {
                sums[x] += enter[x];
            }
        }
        if (y - radius >= 0) {
            const unsigned char *leave = from + (size_t)(y - radius) * (size_t)width;
            for (int x = 0; x < width; x++) {
                sums[x] -= leave[x];
            }
        }
    }
}

// Copies the mask area (left, top, width, height) and blurs it (g_free the result).
// Three box blurs approximate a Gaussian of `sigma` closely. vips_gaussblur would do it
// properly but costs 10–40 ms per layer here, a whole illustration's budget.
static unsigned char *blur_mask(toasoan_canvas *canvas, int left, int top, int width, int height, double sigma) {
    size_t size = (size_t)width * (size_t)height;
    unsigned char *area = g_malloc(size), *other = g_malloc(size), *scratch = g_malloc((size_t)width);
    unsigned int *sums = g_new(unsigned int, (size_t)width);
    for (int y = 0; y < height; y++) {
        memcpy(area + (size_t)y * (size_t)width, canvas->mask + (size_t)(top + y) * (size_t)canvas->width + left,
               (size_t)width);
    }
    // Three passes of width w have variance 3(w² - 1)/12 = sigma².
    int radius = (int)floor((sqrt(4 * sigma * sigma + 1) - 1) / 2 + 0.5);
    if (radius > 0) {
        for (int pass = 0; pass < 3; pass++) {
            for (int y = 0; y < height; y++) {
                box_row(area + (size_t)y * (size_t)width, width, radius, scratch);
            }
            box_columns(area, other, width, height, radius, sums);
            unsigned char *swap = area;
            area = other;
            other = swap;
        }
    }
    g_free(sums);
    g_free(scratch);
    g_free(other);
    return area;
}

void toasoan_canvas_fill(toasoan_canvas *canvas, const double rgb[3], double opacity, double blur_sigma) {
    if (canvas->dirty_right <= canvas->dirty_left || canvas->dirty_bottom <= canvas->dirty_top) {
        return;
    }
    if (!(opacity > 0)) {
        clear_mask(canvas);
        return;
    }
    if (blur_sigma > 0) {
        // A blur wider than the canvas looks no different; bounding it keeps the sums in range.
        blur_sigma = MIN(blur_sigma, (double)MAX(canvas->width, canvas->height));
        // Room for the blur to spread.
        int margin = (int)ceil(3 * blur_sigma) + 1;
        int left = MAX(canvas->dirty_left - margin, 0), top = MAX(canvas->dirty_top - margin, 0);
        int right = MIN(canvas->dirty_right + margin, canvas->width);
        int bottom = MIN(canvas->dirty_bottom + margin, canvas->height);
        unsigned char *soft = blur_mask(canvas, left, top, right - left, bottom - top, blur_sigma);
        blend(canvas, soft, (size_t)(right - left), left, top, right - left, bottom - top, rgb, opacity);
        g_free(soft);
    } else {
        blend(canvas, canvas->mask + (size_t)canvas->dirty_top * (size_t)canvas->width + canvas->dirty_left,
              (size_t)canvas->width, canvas->dirty_left, canvas->dirty_top, canvas->dirty_right - canvas->dirty_left,
              canvas->dirty_bottom - canvas->dirty_top, rgb, opacity);
    }
    clear_mask(canvas);
}

int toasoan_canvas_encode(toasoan_canvas *canvas, toasoan_vips_format format, int quality, void **bytes,
                          size_t *length, char *message, size_t message_size) {
    // Pixels were written behind libvips' back: tell it, so nothing derived from them is stale.
    vips_image_invalidate_all(canvas->image);
    return encode_image(canvas->image, format, quality, bytes, length, message, message_size);
}

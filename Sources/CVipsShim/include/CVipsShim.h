// CVipsShim: the few libvips calls Tòa Soạn needs, as plain C functions with plain types.
//
// libvips' API is variadic (Swift cannot call it) and its headers pull in GLib. This header
// includes neither, so Swift sees only ints, doubles, chars and two opaque types (canvas, variant); the
// .c files include <vips/vips.h> and get its flags from the CVips system-library target.
//
// Conventions: every function starts libvips on first use (once, thread-safely). Functions that
// can fail return 0 / TOASOAN_VIPS_OK on success and otherwise write libvips' error text, as a
// NUL-terminated string, into the caller's `message` buffer of `message_size` bytes.
//
// Drawing: the canvas is a libvips memory image; libvips makes its gradients and encodes it.
// Shapes are rasterised here into an anti-aliased coverage mask and blended into that image
// directly. Measured on 8.14 here, every vips_draw_* call costs ~0.5 ms (it converts its ink
// through a small pipeline), vips_draw_mask ~10 ns a pixel and vips_gaussblur 10–40 ms a layer:
// a scene drawn with them took 100–200 ms, drawn this way 25–45 ms of CPU including encoding.
//
// Variants: `toasoan_variant` holds one resized copy in memory. The largest width is made from the
// file (vips_thumbnail: shrink-on-load, EXIF rotation, first frame), each smaller one from that
// copy, and each copy is encoded twice (WebP and a fallback) by the canvas's encoder, which
// publishes no metadata: 8.14's webpsave ignores "strip", so the encoder removes it itself.
// The file is decoded once, not once per width: a PNG has no shrink-on-load. Measured here, all
// eight files of a 4000×2250 PNG took 0.55 s this way against 0.87 s one width at a time (a
// 1600×900 JPEG ~0.4 s either way; WebP encoding is most of it).

#ifndef CVIPSSHIM_H
#define CVIPSSHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A comfortable size for `message` buffers.
#define TOASOAN_VIPS_MESSAGE_SIZE 512

/// A comfortable size for the `loader` buffer of `toasoan_vips_find_loader`.
#define TOASOAN_VIPS_LOADER_SIZE 64

/// What happened to a request about a file.
typedef enum toasoan_vips_status {
    /// Done.
    TOASOAN_VIPS_OK = 0,
    /// The path cannot be opened for reading, or is not a regular file.
    TOASOAN_VIPS_UNREADABLE = 1,
    /// The file was read, but no libvips loader recognises its bytes.
    TOASOAN_VIPS_NOT_AN_IMAGE = 2,
    /// libvips reported an error (or could not start); see the message.
    TOASOAN_VIPS_FAILED = 3,
} toasoan_vips_status;

/// File formats the shim can encode.
typedef enum toasoan_vips_format {
    TOASOAN_VIPS_JPEG = 0,
    TOASOAN_VIPS_PNG = 1,
    TOASOAN_VIPS_WEBP = 2,
    TOASOAN_VIPS_GIF = 3,
} toasoan_vips_format;

/// Starts libvips once per process: no operation cache, one worker thread per pipeline unless
/// VIPS_CONCURRENCY says otherwise. Returns 0, or -1 with the reason in `message`.
int toasoan_vips_start(char *message, size_t message_size);

/// Names the libvips loader that recognises the file's bytes (the file name plays no part),
/// e.g. "VipsForeignLoadJpegFile", into `loader`.
toasoan_vips_status toasoan_vips_find_loader(const char *path, char *loader, size_t loader_size,
                                             char *message, size_t message_size);

/// Reads width and height from the file's header with the named loader, without decoding pixels.
toasoan_vips_status toasoan_vips_read_header(const char *path, const char *loader, int *width, int *height,
                                             char *message, size_t message_size);

/// Whether the file's header, read with the named loader, carries the metadata field `name` (such as
/// "exif-data"): 1 if it does, 0 if not, -1 with the reason in `message`.
int toasoan_vips_has_field(const char *path, const char *loader, const char *name, char *message,
                           size_t message_size);

/// Frees bytes returned by an encoder.
void toasoan_vips_free_bytes(void *bytes);

/// How many libvips objects (images, operations) are alive in the process; for leak checks.
long toasoan_vips_live_objects(void);

/// Bytes of pixel memory libvips has allocated and not yet freed; for leak checks.
size_t toasoan_vips_tracked_memory(void);

/// A resized copy of an image for publishing: upright, in sRGB, in memory, ready to encode.
typedef struct toasoan_variant toasoan_variant;

/// Makes a copy of the file at `path` `width` pixels wide, its height in proportion; never wider
/// than the image itself, which is then copied at its own size. `loader` is the name
/// `toasoan_vips_find_loader` gave for this file; if another loader would read it now, nothing is
/// read. The copy is turned upright by the EXIF orientation, holds only the first frame of an
/// animation, and has colours with an embedded ICC profile converted to sRGB. A truncated file is
/// an error. Returns NULL with the reason in `message`.
toasoan_variant *toasoan_variant_new(const char *path, const char *loader, int width, char *message,
                                     size_t message_size);

/// Makes a centre crop of the file at `path` exactly `width` × `height` pixels, as `toasoan_variant_new`
/// reads it (same loader check, upright, first frame, sRGB): the image is scaled down (never up) until it
/// covers the box, and the middle of it kept. The caller picks a box no larger than the upright image
/// at that aspect ratio; a bigger box gives a smaller crop. Returns NULL with the reason in `message`.
toasoan_variant *toasoan_variant_new_crop(const char *path, const char *loader, int width, int height, char *message,
                                          size_t message_size);

/// Makes a copy of `variant` `width` pixels wide (never wider than it is). Returns NULL with the
/// reason in `message`.
toasoan_variant *toasoan_variant_new_smaller(const toasoan_variant *variant, int width, char *message,
                                             size_t message_size);

/// The variant's width in pixels.
int toasoan_variant_width(const toasoan_variant *variant);

/// The variant's height in pixels.
int toasoan_variant_height(const toasoan_variant *variant);

/// Encodes the variant without any metadata (no EXIF, XMP, IPTC or ICC); on success `*bytes`
/// (free with toasoan_vips_free_bytes) holds `*length` bytes. `quality` (1–100) applies to JPEG
/// and WebP.
int toasoan_variant_encode(const toasoan_variant *variant, toasoan_vips_format format, int quality, void **bytes,
                           size_t *length, char *message, size_t message_size);

/// Frees the variant. NULL is ignored.
void toasoan_variant_free(toasoan_variant *variant);

/// An RGB picture being drawn, plus a coverage mask that collects shapes until they are filled.
typedef struct toasoan_canvas toasoan_canvas;

/// Makes a `width` × `height` canvas filled with a vertical gradient from `top_rgb` to
/// `bottom_rgb` (0–255 each). Returns NULL with the reason in `message`.
toasoan_canvas *toasoan_canvas_new(int width, int height, const double top_rgb[3], const double bottom_rgb[3],
                                   char *message, size_t message_size);

/// Frees the canvas and everything it holds. NULL is ignored.
void toasoan_canvas_free(toasoan_canvas *canvas);

/// Paints a vertical gradient over a rectangle (clipped to the canvas).
int toasoan_canvas_gradient(toasoan_canvas *canvas, int left, int top, int width, int height,
                            const double top_rgb[3], const double bottom_rgb[3], char *message, size_t message_size);

/// Adds a polygon (`point_count` x,y pairs in pixels, even-odd rule) to the pending shape.
void toasoan_canvas_add_polygon(toasoan_canvas *canvas, const double *xy, int point_count);

/// Adds an ellipse centred on (cx, cy) to the pending shape.
void toasoan_canvas_add_ellipse(toasoan_canvas *canvas, double cx, double cy, double rx, double ry);

/// Adds a soft disc to the pending shape: solid within `inner_radius`, fading smoothly to nothing
/// at `outer_radius` (glows, bokeh, haze).
void toasoan_canvas_add_glow(toasoan_canvas *canvas, double cx, double cy, double inner_radius, double outer_radius);

/// Paints the pending shape (anti-aliased) in `rgb` at `opacity` (0–1), softened by a Gaussian-like
/// blur of `blur_sigma` pixels when above zero, then clears it.
void toasoan_canvas_fill(toasoan_canvas *canvas, const double rgb[3], double opacity, double blur_sigma);

/// Encodes the canvas; on success `*bytes` (free with toasoan_vips_free_bytes) holds `*length` bytes.
/// `quality` (1–100) applies to JPEG and WebP.
int toasoan_canvas_encode(toasoan_canvas *canvas, toasoan_vips_format format, int quality, void **bytes,
                          size_t *length, char *message, size_t message_size);

#ifdef __cplusplus
}
#endif

#endif

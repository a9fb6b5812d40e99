// libvips (Debian: libvips-dev). Swift never calls it directly: its API is variadic, so CVipsShim wraps what we use.
#include <vips/vips.h>

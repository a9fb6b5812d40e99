// cmark-gfm (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev): the CommonMark reference parser with GFM extensions.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

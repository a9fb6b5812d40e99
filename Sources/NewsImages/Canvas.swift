import CVipsShim

/// A picture being drawn by libvips through the shim; freed when its one owner lets go.
struct Canvas: ~Copyable {
    private let raw: OpaquePointer

    /// Makes a canvas filled with a vertical gradient.
    init(width: Int, height: Int, top: Colour, bottom: Colour) throws(VipsFailure) {
        let made = VipsRuntime.withMessage { message, size in
            toasoan_canvas_new(Int32(width), Int32(height), top.components, bottom.components, message, size)
        }
        guard let raw = made.result else { throw VipsFailure(message: made.message) }
        self.raw = raw
    }

    deinit {
        toasoan_canvas_free(raw)
    }

    /// Paints a vertical gradient over a rectangle.
    func gradient(x: Double, y: Double, width: Double, height: Double, top: Colour, bottom: Colour) throws(VipsFailure) {
        let (x0, y0) = (Int32(x.rounded()), Int32(y.rounded()))
        let (x1, y1) = (Int32((x + width).rounded()), Int32((y + height).rounded()))
        let done = VipsRuntime.withMessage { message, size in
            toasoan_canvas_gradient(raw, x0, y0, x1 - x0, y1 - y0, top.components, bottom.components, message, size)
        }
        guard done.result == 0 else { throw VipsFailure(message: done.message) }
    }

    /// Adds a polygon to the shape waiting to be filled.
    func addPolygon(_ points: [Point]) {
        guard points.count >= 3 else { return }
        var flat: [Double] = []
        flat.reserveCapacity(points.count * 2)
        for point in points {
            flat.append(point.x)
            flat.append(point.y)
        }
        toasoan_canvas_add_polygon(raw, flat, Int32(points.count))
    }

    /// Adds an ellipse to the shape waiting to be filled.
    func addEllipse(center: Point, radiusX: Double, radiusY: Double) {
        toasoan_canvas_add_ellipse(raw, center.x, center.y, radiusX, radiusY)
    }

    /// Adds a soft disc, solid to `inner` and gone at `outer`, to the shape waiting to be filled.
    func addGlow(center: Point, inner: Double, outer: Double) {
        toasoan_canvas_add_glow(raw, center.x, center.y, inner, outer)
    }

    /// Paints the waiting shape in `colour`, then starts a new one.
    func fill(_ colour: Colour, opacity: Double, blur: Double) {
        toasoan_canvas_fill(raw, colour.components, opacity, blur)
    }

    /// Encodes the picture as a file of `format`.
    func encode(_ format: ImageFormat, quality: Int) throws(VipsFailure) -> [UInt8] {
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        let done = VipsRuntime.withMessage { message, size in
            toasoan_canvas_encode(raw, format.vipsFormat, Int32(quality), &bytes, &length, message, size)
        }
        defer { toasoan_vips_free_bytes(bytes) }
        guard done.result == 0, let bytes else { throw VipsFailure(message: done.message) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }
}

extension ImageFormat {
    /// The shim's name for this format.
    var vipsFormat: toasoan_vips_format {
        switch self {
        case .jpeg: TOASOAN_VIPS_JPEG
        case .png: TOASOAN_VIPS_PNG
        case .webp: TOASOAN_VIPS_WEBP
        case .gif: TOASOAN_VIPS_GIF
        }
    }
}

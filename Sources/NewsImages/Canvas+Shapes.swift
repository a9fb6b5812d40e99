import Foundation

/// A position on the canvas, in pixels from the top-left corner.
typealias Point = SIMD2<Double>

extension Canvas {
    /// Adds an axis-aligned rectangle.
    func rect(x: Double, y: Double, width: Double, height: Double) {
        addPolygon([Point(x, y), Point(x + width, y), Point(x + width, y + height), Point(x, y + height)])
    }

    /// Adds a rectangle with rounded corners.
    func roundedRect(x: Double, y: Double, width: Double, height: Double, radius: Double) {
        let r = max(0, min(radius, width / 2, height / 2))
        guard r > 0.5 else { return rect(x: x, y: y, width: width, height: height) }
        var points: [Point] = []
        let corners = [
            (Point(x + width - r, y + r), -Double.pi / 2),
            (Point(x + width - r, y + height - r), 0),
            (Point(x + r, y + height - r), Double.pi / 2),
            (Point(x + r, y + r), Double.pi),
        ]
        for (center, start) in corners {
            for step in 0...6 {
                let angle = start + Double(step) / 6 * Double.pi / 2
                points.append(center + r * Point(cos(angle), sin(angle)))
            }
        }
        addPolygon(points)
    }

    /// Adds a rectangle turned by `angle` radians about `pivot`.
    func rotatedRect(x: Double, y: Double, width: Double, height: Double, angle: Double, pivot: Point) {
        let corners = [Point(x, y), Point(x + width, y), Point(x + width, y + height), Point(x, y + height)]
        addPolygon(corners.map { rotate($0, by: angle, around: pivot) })
    }

    /// Adds a circle.
    func circle(_ center: Point, radius: Double) {
        addEllipse(center: center, radiusX: radius, radiusY: radius)
    }

    /// Adds a polygon.
    func polygon(_ points: [Point]) {
        addPolygon(points)
    }

    /// Adds a straight stroke `width` pixels wide with square ends.
    func line(from start: Point, to end: Point, width: Double) {
        let delta = end - start
        let length = (delta * delta).sum().squareRoot()
        guard length > 0 else { return }
        let normal = Point(-delta.y, delta.x) / length * (width / 2)
        addPolygon([start + normal, end + normal, end - normal, start - normal])
    }

    /// Adds a stroke through `points`, `width` pixels wide, with round joins.
    func polyline(_ points: [Point], width: Double, closed: Bool = false) {
        guard points.count >= 2 else { return }
        for index in 1..<points.count {
            line(from: points[index - 1], to: points[index], width: width)
        }
        if closed { line(from: points[points.count - 1], to: points[0], width: width) }
        let joints = closed ? points : Array(points.dropFirst().dropLast())
        for point in joints { circle(point, radius: width / 2) }
    }

    /// Adds a soft disc: solid to `inner`, fading to nothing at `outer`.
    func glow(_ center: Point, inner: Double, outer: Double) {
        addGlow(center: center, inner: inner, outer: outer)
    }

    /// Paints everything added since the last paint in `colour`.
    func paint(_ colour: Colour, opacity: Double = 1, blur: Double = 0) {
        fill(colour, opacity: opacity, blur: blur)
    }
}

/// `point` turned by `angle` radians about `pivot`.
func rotate(_ point: Point, by angle: Double, around pivot: Point) -> Point {
    let offset = point - pivot
    let (c, s) = (cos(angle), sin(angle))
    return pivot + Point(offset.x * c - offset.y * s, offset.x * s + offset.y * c)
}

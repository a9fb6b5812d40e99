import Foundation

/// The size and seeded choices behind one illustration; each motif's drawing is a method in a
/// `Scene+….swift` file and returns the finished canvas.
struct Scene {
    /// Width in pixels.
    let width: Double
    /// Height in pixels.
    let height: Double
    /// 1 at the reference size 1200×675: strokes and details scale with it. Never below a
    /// 12 000th of the longer side, so a thin strip does not become a million tiny shapes.
    let unit: Double
    /// Every choice the scene makes comes from here, so a seed always draws the same picture.
    var random: SeededRandom

    /// Prepares a scene of `width` × `height` pixels.
    init(width: Int, height: Int, random: SeededRandom) {
        self.width = Double(width)
        self.height = Double(height)
        self.unit = max(min(Double(width) / 1200, Double(height) / 675), Double(max(width, height)) / 12_000)
        self.random = random
    }

    /// A point given as fractions of the width and height.
    func at(_ x: Double, _ y: Double) -> Point {
        Point(x * width, y * height)
    }

    // MARK: - Pieces several scenes share

    /// A line of hills or peaks across the canvas: `count` + 1 evenly spaced heights around
    /// `base`, by midpoint displacement (rough) or a sum of waves (smooth).
    mutating func ridge(base: Double, amplitude: Double, roughness: Double, smooth: Bool) -> [Point] {
        let count = 64
        var heights = [Double](repeating: 0, count: count + 1)
        if smooth {
            var frequencies: [Double] = [], phases: [Double] = []
            for index in 0..<3 {
                frequencies.append(random.double(0.6...1.6) * Double(index + 1))
                phases.append(random.double(0...(2 * Double.pi)))
            }
            for index in 0...count {
                let t = Double(index) / Double(count)
                var sum = 0.0
                for wave in 0..<3 {
                    let angle: Double = 2 * Double.pi * frequencies[wave] * t + phases[wave]
                    sum += sin(angle) / Double(wave + 1)
                }
                heights[index] = sum / 1.8
            }
        } else {
            heights[0] = random.double(-0.5...0.5)
            heights[count] = random.double(-0.5...0.5)
            var step = count
            var spread = 1.0
            while step > 1 {
                let half = step / 2
                for start in stride(from: 0, to: count, by: step) {
                    heights[start + half] = (heights[start] + heights[start + step]) / 2 + random.double(-spread...spread)
                }
                spread *= roughness
                step = half
            }
        }
        return heights.enumerated().map { index, value in
            Point(-2 + (width + 4) * Double(index) / Double(count), base - amplitude * value)
        }
    }

    /// Adds the area under `line` down to the bottom edge.
    func fillBelow(_ line: [Point], on canvas: borrowing Canvas) {
        guard let first = line.first, let last = line.last else { return }
        canvas.polygon(line + [Point(last.x, height + 2), Point(first.x, height + 2)])
    }

    /// Adds a flat-bottomed cloud `size` pixels wide whose base sits at `base`.
    mutating func cloud(at base: Point, size: Double, on canvas: borrowing Canvas) {
        let puffs = random.int(3...4)
        canvas.roundedRect(x: base.x - size / 2, y: base.y - size * 0.16, width: size, height: size * 0.16, radius: size * 0.08)
        for index in 0..<puffs {
            let t = (Double(index) + 0.5) / Double(puffs)
            let radius = size * random.double(0.13...0.22) * (1 - 0.6 * abs(t - 0.5))
            canvas.circle(Point(base.x - size / 2 + size * t, base.y - size * 0.12), radius: radius)
        }
    }

    /// Paints a few clouds in the top part of the sky.
    mutating func clouds(count: ClosedRange<Int>, colour: Colour, opacity: Double, top: Double, bottom: Double, on canvas: borrowing Canvas) {
        for _ in 0..<random.int(count) {
            let base = Point(random.double(0.05...0.95) * width, random.double(top...bottom) * height)
            cloud(at: base, size: random.double(110...220) * unit, on: canvas)
        }
        canvas.paint(colour, opacity: opacity)
    }

    /// Paints a few distant birds as small "v" strokes.
    mutating func birds(count: ClosedRange<Int>, colour: Colour, around center: Point, on canvas: borrowing Canvas) {
        for _ in 0..<random.int(count) {
            let position = center + Point(random.double(-140...140), random.double(-50...50)) * unit
            let span = random.double(7...13) * unit
            let lift = span * random.double(0.35...0.6)
            canvas.polyline(
                [position + Point(-span, -lift), position, position + Point(span, -lift)],
                width: 1.8 * unit
            )
        }
        canvas.paint(colour, opacity: 0.85)
    }

    /// Paints a sun with a soft glow around it.
    func sun(at center: Point, radius: Double, colour: Colour, glow: Colour, on canvas: borrowing Canvas) {
        canvas.glow(center, inner: radius * 0.9, outer: radius * 3.2)
        canvas.paint(glow, opacity: 0.45)
        canvas.circle(center, radius: radius)
        canvas.paint(colour)
    }

    /// Paints small stars over the upper part of a night sky.
    mutating func stars(count: Int, below: Double, on canvas: borrowing Canvas) {
        for _ in 0..<count {
            canvas.circle(
                Point(random.double(0...width), random.double(0...(below * height))),
                radius: random.double(0.6...1.7) * unit
            )
        }
        canvas.paint(Colour(0xFFFFFF), opacity: 0.8)
    }
}

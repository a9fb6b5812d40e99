import Foundation

extension Scene {
    /// Sea: rolling waves in bands, the sun on the water, and a sailing boat.
    mutating func sea() throws(VipsFailure) -> Canvas {
        struct Look { var skyTop: Colour, skyBottom: Colour, seaTop: Colour, seaBottom: Colour, sun: Colour, hull: Colour }
        let look = random.pick([
            Look(skyTop: Colour(0x86CFF2), skyBottom: Colour(0xFDF5E2), seaTop: Colour(0x3FB0BB), seaBottom: Colour(0x0C5A78),
                 sun: Colour(0xFFE8A6), hull: Colour(0xB5412F)),
            Look(skyTop: Colour(0x56408A), skyBottom: Colour(0xFFB48A), seaTop: Colour(0x7A5E98), seaBottom: Colour(0x2B2150),
                 sun: Colour(0xFFA06C), hull: Colour(0x2A1A36)),
            Look(skyTop: Colour(0x9DC1FB), skyBottom: Colour(0xFFE6D2), seaTop: Colour(0x5AA6E6), seaBottom: Colour(0x1C4A88),
                 sun: Colour(0xFFF0BE), hull: Colour(0x8E3B2E)),
        ])
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.skyTop, bottom: look.skyBottom)
        let horizon = height * random.double(0.5...0.58)
        let sunX = width * random.double(0.2...0.8)
        let sunRadius = 54 * unit
        sun(at: Point(sunX, horizon - sunRadius * random.double(0.2...1.4)), radius: sunRadius,
                colour: look.sun, glow: look.sun, on: canvas)
        clouds(count: 1...3, colour: .white, opacity: 0.75, top: 0.1, bottom: 0.3, on: canvas)
        birds(count: 2...4, colour: look.hull.darker(0.3), around: at(random.double(0.25...0.75), 0.22), on: canvas)

        try canvas.gradient(x: 0, y: horizon, width: width, height: height - horizon, top: look.seaTop, bottom: look.seaBottom)
        // The sun's path on the water: short glints, wider nearer the viewer.
        var y = horizon + 6 * unit
        while y < horizon + (height - horizon) * 0.45 {
            let spread = (y - horizon) * 0.5 + 20 * unit
            let glint = random.double(20...70) * unit
            canvas.roundedRect(x: sunX + random.double(-spread...spread) - glint / 2, y: y, width: glint, height: 4 * unit, radius: 2 * unit)
            y += random.double(7...13) * unit
        }
        canvas.paint(look.sun, opacity: 0.55)

        // Bands of waves, far to near, each a little darker and taller.
        let bands = 5
        var boatWave: [Point] = []
        for band in 0..<bands {
            let t = Double(band) / Double(bands - 1)
            let base = horizon + (height - horizon) * (0.3 + 0.62 * t)
            let amplitude = (4 + 12 * t) * unit
            let wavelength = (90 + 160 * t) * unit
            let phase = random.double(0...(2 * Double.pi))
            let crest = stride(from: -10 * unit, through: width + 10 * unit, by: 8 * unit).map { x in
                Point(x, base - amplitude * sin(2 * Double.pi * x / wavelength + phase) - amplitude * 0.4 * sin(4 * Double.pi * x / wavelength + phase))
            }
            if band == 1 { boatWave = crest }
            fillBelow(crest, on: canvas)
            canvas.paint(look.seaTop.mixed(with: look.seaBottom, 0.25 + 0.7 * t))
            canvas.polyline(crest, width: (1.5 + 2 * t) * unit)
            canvas.paint(.white, opacity: 0.35)
            if band == 1 { boat(on: boatWave, look.hull, canvas: canvas) }
        }
        return canvas
    }

    /// Adds and paints a small sailing boat riding `wave`.
    private mutating func boat(on wave: [Point], _ hull: Colour, canvas: borrowing Canvas) {
        let index = Int(Double(wave.count) * random.double(0.2...0.75))
        let base = wave[index] + Point(0, 4 * unit)
        let size = random.double(0.9...1.2) * unit
        let facing = random.chance(0.5) ? 1.0 : -1.0
        canvas.polygon([
            base + Point(-70, -18) * size, base + Point(70, -18) * size,
            base + Point(52, 6) * size, base + Point(-52, 6) * size,
        ])
        canvas.paint(hull)
        canvas.rect(x: base.x - 2.5 * size, y: base.y - 150 * size, width: 5 * size, height: 133 * size)
        canvas.paint(hull.darker(0.3))
        canvas.polygon([base + Point(6 * facing, -145) * size, base + Point(6 * facing, -26) * size, base + Point(62 * facing, -26) * size])
        canvas.paint(Colour(0xFBF8F1))
        canvas.polygon([base + Point(-6 * facing, -132) * size, base + Point(-6 * facing, -26) * size, base + Point(-48 * facing, -26) * size])
        canvas.paint(Colour(0xF2E6CF))
        canvas.polygon([base + Point(0, -160) * size, base + Point(22 * facing, -154) * size, base + Point(0, -148) * size])
        canvas.paint(Colour(0xE63946))
    }

    /// Mountains: layered ridges fading into haze, a sun behind them, pines in front.
    mutating func mountains() throws(VipsFailure) -> Canvas {
        struct Look { var skyTop: Colour, skyBottom: Colour, ridges: [Colour], sun: Colour }
        let look = random.pick([
            Look(skyTop: Colour(0xF4BE88), skyBottom: Colour(0xFCEAD6),
                 ridges: [Colour(0xDDAEA3), Colour(0xB27A86), Colour(0x75506F), Colour(0x3B2B4B)], sun: Colour(0xFFF4DA)),
            Look(skyTop: Colour(0x97C6EF), skyBottom: Colour(0xEAF4FB),
                 ridges: [Colour(0xAFCADD), Colour(0x769DBD), Colour(0x436E93), Colour(0x1F3B58)], sun: Colour(0xFFFFFF)),
            Look(skyTop: Colour(0xB9E0E6), skyBottom: Colour(0xF4FAF1),
                 ridges: [Colour(0xA7CDB9), Colour(0x70A68B), Colour(0x417D60), Colour(0x1F4B3A)], sun: Colour(0xFFF7D8)),
        ])
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.skyTop, bottom: look.skyBottom)
        sun(at: at(random.double(0.2...0.8), random.double(0.2...0.34)), radius: 52 * unit,
                colour: look.sun, glow: look.sun, on: canvas)
        birds(count: 3...5, colour: look.ridges[3], around: at(random.double(0.25...0.75), 0.18), on: canvas)

        var front: [Point] = []
        for (layer, colour) in look.ridges.enumerated() {
            let t = Double(layer) / Double(look.ridges.count - 1)
            let line = ridge(base: height * (0.46 + 0.2 * t), amplitude: height * (0.2 - 0.06 * t),
                             roughness: 0.55 - 0.1 * t, smooth: layer == look.ridges.count - 1)
            fillBelow(line, on: canvas)
            canvas.paint(colour)
            if layer < look.ridges.count - 1 {
                // Mist pooling in the valley below this ridge.
                canvas.roundedRect(x: -20 * unit, y: height * (0.56 + 0.2 * t), width: width + 40 * unit, height: 26 * unit, radius: 13 * unit)
                canvas.paint(.white, opacity: 0.22, blur: 10 * unit)
            }
            front = line
        }
        // A stand of pines along the front hill.
        for _ in 0..<random.int(6...11) {
            let point = front[random.int(2...(front.count - 3))]
            let tall = random.double(40...80) * unit
            let foot = point + Point(0, random.double(10...40) * unit)
            canvas.polygon([foot + Point(-tall * 0.22, 0), foot + Point(0, -tall), foot + Point(tall * 0.22, 0)])
            canvas.rect(x: foot.x - 2 * unit, y: foot.y - 1, width: 4 * unit, height: 10 * unit)
        }
        canvas.paint(look.ridges[3].darker(0.3))
        return canvas
    }

    /// Sunrise: a big sun on the horizon with rays fanning up behind hills.
    mutating func sunrise() throws(VipsFailure) -> Canvas {
        struct Look { var skyTop: Colour, skyBottom: Colour, sun: Colour, hills: [Colour] }
        let look = random.pick([
            Look(skyTop: Colour(0x3A2C6C), skyBottom: Colour(0xFFB066), sun: Colour(0xFFE08A),
                 hills: [Colour(0x8E4B6B), Colour(0x5F2F56), Colour(0x2F1B3A)]),
            Look(skyTop: Colour(0x4B6CB7), skyBottom: Colour(0xFFC6A2), sun: Colour(0xFFF1B5),
                 hills: [Colour(0x9A7CB1), Colour(0x6A5A9B), Colour(0x3D3A6C)]),
            Look(skyTop: Colour(0x7DB6E6), skyBottom: Colour(0xFFE2AE), sun: Colour(0xFFF6C9),
                 hills: [Colour(0x9CC28B), Colour(0x5E9B6B), Colour(0x2F6B50)]),
        ])
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.skyTop, bottom: look.skyBottom)
        let horizon = height * random.double(0.64...0.7)
        let center = Point(width * random.double(0.35...0.65), horizon)
        let radius = height * random.double(0.14...0.18)

        let rays = random.int(7...10)
        let reach = width * 1.5
        let tilt = random.double(0...1)
        for ray in 0..<rays {
            let start = Double.pi + (Double(ray) + tilt * 0.5) / Double(rays) * Double.pi
            let end = start + Double.pi / Double(rays) * 0.5
            canvas.polygon([center, center + reach * Point(cos(start), sin(start)), center + reach * Point(cos(end), sin(end))])
        }
        canvas.paint(look.sun, opacity: 0.2)
        sun(at: center, radius: radius, colour: look.sun, glow: look.sun, on: canvas)
        for _ in 0..<random.int(2...3) {
            let y = height * random.double(0.12...0.4)
            let x = width * random.double(0.05...0.8)
            let long = random.double(160...300) * unit
            canvas.roundedRect(x: x, y: y, width: long, height: 16 * unit, radius: 8 * unit)
            canvas.roundedRect(x: x + long * 0.2, y: y - 12 * unit, width: long * 0.45, height: 16 * unit, radius: 8 * unit)
        }
        canvas.paint(look.sun.lighter(0.4), opacity: 0.7)
        birds(count: 3...5, colour: look.hills[2], around: center - Point(0, radius * 1.9), on: canvas)

        var last: [Point] = []
        for (layer, colour) in look.hills.enumerated() {
            let t = Double(layer) / Double(look.hills.count - 1)
            last = ridge(base: horizon + height * 0.13 * t, amplitude: height * (0.06 + 0.04 * t), roughness: 0.5, smooth: true)
            fillBelow(last, on: canvas)
            canvas.paint(colour)
        }
        // A lone tree on the nearest hill.
        let foot = last[random.int(8...56)]
        let size = random.double(0.8...1.2) * unit
        canvas.polygon([foot + Point(-4, 10) * size, foot + Point(-2.5, -70) * size, foot + Point(2.5, -70) * size, foot + Point(4, 10) * size])
        for (dx, dy, r) in [(-18.0, -78.0, 22.0), (14.0, -84.0, 24.0), (0.0, -102.0, 26.0), (-4.0, -70.0, 18.0)] {
            canvas.circle(foot + Point(dx, dy) * size, radius: r * size)
        }
        canvas.paint(look.hills[2].darker(0.35))
        return canvas
    }

    /// Fields: rice terraces following the contours of a hill, with a stilt house.
    mutating func fields() throws(VipsFailure) -> Canvas {
        struct Look { var skyTop: Colour, skyBottom: Colour, hills: Colour, terraces: [Colour], edge: Colour }
        let look = random.pick([
            Look(skyTop: Colour(0xBCE4F4), skyBottom: Colour(0xF4FBF3), hills: Colour(0x8DB6A0),
                 terraces: [Colour(0x8BC34A), Colour(0x7CB342), Colour(0x9CCC65), Colour(0x6C9F3A)], edge: Colour(0x4E7A2B)),
            Look(skyTop: Colour(0xFFDFA2), skyBottom: Colour(0xFFF6E2), hills: Colour(0xB8A27A),
                 terraces: [Colour(0xE9C46A), Colour(0xD7AA3F), Colour(0xF1D37C), Colour(0xBFA23C)], edge: Colour(0x8A6B1F)),
            Look(skyTop: Colour(0xA6C6E8), skyBottom: Colour(0xECF3FA), hills: Colour(0x8FA8B8),
                 terraces: [Colour(0x9FCBE3), Colour(0x8CC084), Colour(0xB7D9EA), Colour(0x7DB06F)], edge: Colour(0x4F7552)),
        ])
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.skyTop, bottom: look.skyBottom)
        sun(at: at(random.double(0.15...0.85), 0.14), radius: 34 * unit, colour: Colour(0xFFF7DC), glow: Colour(0xFFF7DC), on: canvas)
        clouds(count: 1...2, colour: .white, opacity: 0.85, top: 0.1, bottom: 0.2, on: canvas)
        fillBelow(ridge(base: height * 0.3, amplitude: height * 0.1, roughness: 0.5, smooth: false), on: canvas)
        canvas.paint(look.hills)
        fillBelow(ridge(base: height * 0.37, amplitude: height * 0.06, roughness: 0.5, smooth: true), on: canvas)
        canvas.paint(look.hills.darker(0.15))

        // Contour lines of a hill whose crest is at `peak`: each one bulges up around it.
        let peak = width * random.double(0.3...0.7)
        let spread = width * random.double(0.25...0.4)
        let levels = random.int(9...12)
        let phases = (0..<levels + 1).map { _ in random.double(0...(2 * Double.pi)) }
        func contour(_ level: Int) -> [Point] {
            let t = Double(level) / Double(levels)
            let base = height * 0.4 + (height * 0.66) * pow(t, 1.25)
            let rise = height * 0.22 * (1 - t * 0.6)
            return stride(from: -10 * unit, through: width + 10 * unit, by: 10 * unit).map { x in
                let hill = exp(-pow((x - peak) / spread, 2))
                let ripple = (3 + 6 * t) * unit * sin(x / (70 * unit) + phases[level])
                return Point(x, base - rise * hill + ripple)
            }
        }
        var previous = contour(0)
        var edges: [[Point]] = [previous]
        var house: Point?
        for level in 1...levels {
            let next = contour(level)
            canvas.polygon(previous + next.reversed())
            canvas.paint(look.terraces[level % look.terraces.count])
            if level == 3 { house = previous[Int(Double(previous.count) * random.double(0.15...0.85))] }
            edges.append(next)
            previous = next
        }
        fillBelow(previous, on: canvas)
        canvas.paint(look.terraces[(levels + 1) % look.terraces.count])
        for (level, edge) in edges.enumerated() {
            canvas.polyline(edge, width: (1.5 + 2.5 * Double(level) / Double(levels)) * unit)
        }
        canvas.paint(look.edge, opacity: 0.8)

        // A stilt house on one of the upper terraces.
        if let spot = house {
            let size = unit * 0.9
            let floor = spot + Point(0, 18 * size)
            for dx in [-34.0, -12.0, 12.0, 34.0] {
                canvas.rect(x: floor.x + dx * size - 2 * size, y: floor.y - 16 * size, width: 4 * size, height: 18 * size)
            }
            canvas.rect(x: floor.x - 40 * size, y: floor.y - 46 * size, width: 80 * size, height: 30 * size)
            canvas.paint(Colour(0x7A5230))
            canvas.polygon([floor + Point(-56, -44) * size, floor + Point(-30, -82) * size, floor + Point(30, -82) * size, floor + Point(56, -44) * size])
            canvas.paint(Colour(0x5B3A29))
            canvas.rect(x: floor.x - 8 * size, y: floor.y - 40 * size, width: 16 * size, height: 24 * size)
            canvas.paint(Colour(0x3B2618))
        }
        return canvas
    }
}

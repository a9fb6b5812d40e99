import Foundation

extension Scene {
    /// Chart: a card with a bar chart, axes, grid lines and a trend line.
    mutating func chart() throws(VipsFailure) -> Canvas {
        struct Look { var backTop: Colour, backBottom: Colour, bars: Colour, highlight: Colour, line: Colour }
        let look = random.pick([
            Look(backTop: Colour(0xEEF2F8), backBottom: Colour(0xD9E2EE), bars: Colour(0x3B82F6), highlight: Colour(0xF59E0B), line: Colour(0xEF4444)),
            Look(backTop: Colour(0xECF7F5), backBottom: Colour(0xD3EBE6), bars: Colour(0x14B8A6), highlight: Colour(0xEC4899), line: Colour(0x6366F1)),
            Look(backTop: Colour(0xF3EFFA), backBottom: Colour(0xE0D8F0), bars: Colour(0x8B5CF6), highlight: Colour(0x22C55E), line: Colour(0xF97316)),
        ])
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.backTop, bottom: look.backBottom)
        let card = (x: width * 0.08, y: height * 0.09, width: width * 0.84, height: height * 0.82)
        canvas.roundedRect(x: card.x, y: card.y + 10 * unit, width: card.width, height: card.height, radius: 18 * unit)
        canvas.paint(Colour(0x1E293B), opacity: 0.14, blur: 10 * unit)
        canvas.roundedRect(x: card.x, y: card.y, width: card.width, height: card.height, radius: 18 * unit)
        canvas.paint(.white)

        // Title and legend as grey bars: the picture needs no words.
        canvas.roundedRect(x: card.x + 40 * unit, y: card.y + 34 * unit, width: card.width * random.double(0.3...0.45), height: 16 * unit, radius: 8 * unit)
        canvas.paint(Colour(0x334155))
        canvas.roundedRect(x: card.x + 40 * unit, y: card.y + 62 * unit, width: card.width * random.double(0.18...0.28), height: 10 * unit, radius: 5 * unit)
        canvas.roundedRect(x: card.x + card.width - 180 * unit, y: card.y + 38 * unit, width: 50 * unit, height: 9 * unit, radius: 4.5 * unit)
        canvas.roundedRect(x: card.x + card.width - 90 * unit, y: card.y + 38 * unit, width: 50 * unit, height: 9 * unit, radius: 4.5 * unit)
        canvas.paint(Colour(0xA0AEC0))
        canvas.roundedRect(x: card.x + card.width - 200 * unit, y: card.y + 35 * unit, width: 14 * unit, height: 14 * unit, radius: 3 * unit)
        canvas.paint(look.bars)
        canvas.roundedRect(x: card.x + card.width - 110 * unit, y: card.y + 35 * unit, width: 14 * unit, height: 14 * unit, radius: 3 * unit)
        canvas.paint(look.line)

        let plot = (left: card.x + 70 * unit, top: card.y + 110 * unit, right: card.x + card.width - 40 * unit, bottom: card.y + card.height - 50 * unit)
        for row in 0...4 {
            let y = plot.top + (plot.bottom - plot.top) * Double(row) / 4
            canvas.rect(x: plot.left, y: y, width: plot.right - plot.left, height: 1.5 * unit)
            canvas.roundedRect(x: plot.left - 44 * unit, y: y - 4 * unit, width: 28 * unit, height: 8 * unit, radius: 4 * unit)
        }
        canvas.paint(Colour(0xE2E8F0))
        canvas.rect(x: plot.left - 1.5 * unit, y: plot.top, width: 3 * unit, height: plot.bottom - plot.top)
        canvas.rect(x: plot.left, y: plot.bottom - 1.5 * unit, width: plot.right - plot.left, height: 3 * unit)
        canvas.paint(Colour(0x94A3B8))

        let count = random.int(6...10)
        var value = random.double(0.35...0.65)
        let trend = random.double(-0.03...0.07)
        var values: [Double] = []
        for _ in 0..<count {
            values.append(value)
            value = min(0.95, max(0.2, value + trend + random.double(-0.15...0.15)))
        }
        let slot = (plot.right - plot.left) / Double(count)
        let highlighted = values.indices.max { values[$0] < values[$1] } ?? 0
        for (index, value) in values.enumerated() where index != highlighted {
            let barHeight = (plot.bottom - plot.top) * value
            canvas.roundedRect(x: plot.left + slot * (Double(index) + 0.22), y: plot.bottom - barHeight, width: slot * 0.56, height: barHeight + 6 * unit, radius: 6 * unit)
        }
        canvas.rect(x: plot.left, y: plot.bottom + 1.5 * unit, width: plot.right - plot.left, height: 8 * unit)
        canvas.paint(look.bars)
        let barHeight = (plot.bottom - plot.top) * values[highlighted]
        canvas.roundedRect(x: plot.left + slot * (Double(highlighted) + 0.22), y: plot.bottom - barHeight, width: slot * 0.56, height: barHeight, radius: 6 * unit)
        canvas.paint(look.highlight)
        canvas.rect(x: plot.left - 2 * unit, y: plot.bottom + 1.5 * unit, width: plot.right - plot.left + 4 * unit, height: 10 * unit)
        canvas.paint(.white)

        var line: [Point] = []
        var second = min(0.9, max(0.1, values[0] * random.double(0.5...0.8)))
        for index in 0..<count {
            line.append(Point(plot.left + slot * (Double(index) + 0.5), plot.bottom - (plot.bottom - plot.top) * second))
            second = min(0.9, max(0.08, second + trend * 0.8 + random.double(-0.1...0.1)))
        }
        canvas.polyline(line, width: 4 * unit)
        for point in line { canvas.circle(point, radius: 7 * unit) }
        canvas.paint(look.line)
        for point in line { canvas.circle(point, radius: 3.5 * unit) }
        canvas.paint(.white)
        return canvas
    }

    /// Circuit: glowing copper traces between chips and pads on a circuit board.
    mutating func circuit() throws(VipsFailure) -> Canvas {
        struct Look { var boardTop: Colour, boardBottom: Colour, trace: Colour, chip: Colour }
        let look = random.pick([
            Look(boardTop: Colour(0x114232), boardBottom: Colour(0x07281E), trace: Colour(0xD4AF37), chip: Colour(0x17191E)),
            Look(boardTop: Colour(0x0E1D30), boardBottom: Colour(0x1B2740), trace: Colour(0x4CC9F0), chip: Colour(0x0A0F1A)),
            Look(boardTop: Colour(0x2B1158), boardBottom: Colour(0x170A33), trace: Colour(0xF472B6), chip: Colour(0x120822)),
        ])
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.boardTop, bottom: look.boardBottom)
        let cell = 30 * unit
        let columns = max(2, Int(width / cell)), rows = max(2, Int(height / cell))

        // Traces wander the grid: straight runs with 45° bends, a pad at each end.
        let directions = [Point(1, 0), Point(1, 1), Point(0, 1), Point(-1, 1), Point(-1, 0), Point(-1, -1), Point(0, -1), Point(1, -1)]
        var traces: [[Point]] = []
        for _ in 0..<random.int(26...36) {
            var cellX = random.int(0...columns), cellY = random.int(0...rows)
            var heading = random.pick([0, 2, 4, 6])
            var path = [Point(Double(cellX), Double(cellY)) * cell]
            for _ in 0..<random.int(2...5) {
                for _ in 0..<random.int(2...6) {
                    cellX += Int(directions[heading].x)
                    cellY += Int(directions[heading].y)
                }
                path.append(Point(Double(cellX), Double(cellY)) * cell)
                heading = (heading + random.pick([1, 7, 1, 7, 2, 6]) + 8) % 8
            }
            traces.append(path)
        }
        for path in traces { canvas.polyline(path, width: 10 * unit) }
        canvas.paint(look.trace, opacity: 0.25, blur: 5 * unit)
        for path in traces {
            canvas.polyline(path, width: 3.5 * unit)
            canvas.circle(path[0], radius: 7 * unit)
            canvas.circle(path[path.count - 1], radius: 7 * unit)
        }
        canvas.paint(look.trace)
        for path in traces {
            canvas.circle(path[0], radius: 3 * unit)
            canvas.circle(path[path.count - 1], radius: 3 * unit)
        }
        canvas.paint(look.boardBottom)

        // Small two-pad parts scattered about, then chips with pins on every side over them.
        for _ in 0..<random.int(8...14) {
            let at = Point(Double(random.int(1...columns - 1)), Double(random.int(1...rows - 1))) * cell
            if random.chance(0.5) {
                canvas.roundedRect(x: at.x - 14 * unit, y: at.y - 6 * unit, width: 28 * unit, height: 12 * unit, radius: 3 * unit)
            } else {
                canvas.roundedRect(x: at.x - 6 * unit, y: at.y - 14 * unit, width: 12 * unit, height: 28 * unit, radius: 3 * unit)
            }
        }
        canvas.paint(random.pick([Colour(0x3A3F4A), Colour(0x8B5E34)]))
        var chips: [(x: Double, y: Double, size: Double)] = []
        for index in 0..<random.int(2...3) {
            let size = (index == 0 ? random.double(150...200) : random.double(80...120)) * unit
            // A few tries to find a spot clear of the other chips and their pins.
            for _ in 0..<8 {
                let chip = (x: random.double(0.1...0.9) * width - size / 2, y: random.double(0.2...0.8) * height - size / 2, size: size)
                let clear = chips.allSatisfy { other in
                    chip.x > other.x + other.size + 40 * unit || other.x > chip.x + chip.size + 40 * unit
                        || chip.y > other.y + other.size + 40 * unit || other.y > chip.y + chip.size + 40 * unit
                }
                if clear {
                    chips.append(chip)
                    break
                }
            }
        }
        for chip in chips {
            let pins = Int(chip.size / (16 * unit))
            for pin in 0..<pins {
                let offset = chip.size * (Double(pin) + 0.5) / Double(pins) - 3 * unit
                canvas.rect(x: chip.x + offset, y: chip.y - 12 * unit, width: 6 * unit, height: chip.size + 24 * unit)
                canvas.rect(x: chip.x - 12 * unit, y: chip.y + offset, width: chip.size + 24 * unit, height: 6 * unit)
            }
        }
        canvas.paint(Colour(0xC8CCD2))
        for chip in chips {
            canvas.roundedRect(x: chip.x + 4 * unit, y: chip.y + 8 * unit, width: chip.size, height: chip.size, radius: 8 * unit)
        }
        canvas.paint(.black, opacity: 0.35, blur: 6 * unit)
        for chip in chips {
            canvas.roundedRect(x: chip.x, y: chip.y, width: chip.size, height: chip.size, radius: 8 * unit)
        }
        canvas.paint(look.chip)
        for chip in chips {
            canvas.circle(Point(chip.x + 16 * unit, chip.y + 16 * unit), radius: 5 * unit)
            canvas.roundedRect(x: chip.x + chip.size * 0.2, y: chip.y + chip.size * 0.44, width: chip.size * 0.6, height: chip.size * 0.12, radius: 4 * unit)
        }
        canvas.paint(.white, opacity: 0.18)
        return canvas
    }

    /// Lanterns: silk lanterns on strings against a night sky with soft lights behind.
    mutating func lanterns() throws(VipsFailure) -> Canvas {
        struct Look { var top: Colour, bottom: Colour, lanterns: [Colour] }
        let look = random.pick([
            Look(top: Colour(0x1A1033), bottom: Colour(0x3C1F50), lanterns: [Colour(0xE63946), Colour(0xF4A261), Colour(0xFFD166)]),
            Look(top: Colour(0x0F1A2E), bottom: Colour(0x2A3352), lanterns: [Colour(0xE63946), Colour(0xFFB703), Colour(0x2A9D8F)]),
            Look(top: Colour(0x2A0E12), bottom: Colour(0x5A1F1F), lanterns: [Colour(0xFF6B35), Colour(0xFFD23F), Colour(0xEE4266)]),
        ])
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.top, bottom: look.bottom)

        // Out-of-focus lights far behind.
        for colour in look.lanterns {
            for _ in 0..<random.int(6...9) {
                let radius = random.double(14...42) * unit
                canvas.glow(Point(random.double(0...width), random.double(0.3...1) * height), inner: radius * 0.75, outer: radius)
            }
            canvas.paint(colour, opacity: 0.22)
        }

        struct Lantern { var center: Point, radius: Double, colour: Int }
        var lanterns: [Lantern] = []
        let strings = random.int(2...3)
        // Every string carries as many lanterns, each string's set half a slot along from the one
        // above, so lanterns hanging from one string fall between those of the next.
        let count = random.int(3...4)
        for string in 0..<strings {
            let y = height * (0.05 + (strings == 2 ? 0.3 : 0.22) * Double(string))
            let sag = random.double(40...80) * unit
            let curve = stride(from: -10 * unit, through: width + 10 * unit, by: 16 * unit).map { x -> Point in
                let t = x / width - 0.5
                return Point(x, y + sag * (1 - 4 * t * t))
            }
            canvas.polyline(curve, width: 2 * unit)
            for index in 0..<count {
                let slot = Double(index) + (string % 2 == 0 ? 0.25 : 0.75) + random.double(-0.06...0.06)
                let x = width * slot / Double(count)
                let t = x / width - 0.5
                let hook = Point(x, y + sag * (1 - 4 * t * t))
                let radius = random.double(30...46) * unit * (1 + 0.12 * Double(string))
                let drop = random.double(15...45) * unit
                canvas.rect(x: x - 1 * unit, y: hook.y, width: 2 * unit, height: drop)
                lanterns.append(Lantern(center: hook + Point(0, drop + radius * 1.15), radius: radius, colour: random.int(0...(look.lanterns.count - 1))))
            }
        }
        canvas.paint(Colour(0x9C7A5B))

        for (index, colour) in look.lanterns.enumerated() {
            for lantern in lanterns where lantern.colour == index {
                canvas.glow(lantern.center, inner: lantern.radius * 0.8, outer: lantern.radius * 2.6)
            }
            canvas.paint(colour, opacity: 0.35)
            for lantern in lanterns where lantern.colour == index {
                canvas.addEllipse(center: lantern.center, radiusX: lantern.radius, radiusY: lantern.radius * 1.15)
            }
            canvas.paint(colour)
        }
        for lantern in lanterns {
            canvas.addEllipse(center: lantern.center + Point(-0.3, -0.25) * lantern.radius, radiusX: lantern.radius * 0.35, radiusY: lantern.radius * 0.45)
        }
        canvas.paint(.white, opacity: 0.25, blur: 6 * unit)
        for lantern in lanterns {
            // Ribs, like meridians on a globe.
            for rib in [-0.66, 0.0, 0.66] {
                let points = (0...16).map { step -> Point in
                    let angle = -Double.pi / 2 + Double.pi * Double(step) / 16
                    return lantern.center + Point(rib * lantern.radius * cos(angle), lantern.radius * 1.15 * sin(angle))
                }
                canvas.polyline(points, width: 1.6 * unit)
            }
        }
        canvas.paint(.black, opacity: 0.22)
        for lantern in lanterns {
            let capWidth = lantern.radius * 0.8
            canvas.roundedRect(x: lantern.center.x - capWidth / 2, y: lantern.center.y - lantern.radius * 1.15 - 5 * unit, width: capWidth, height: 12 * unit, radius: 3 * unit)
            canvas.roundedRect(x: lantern.center.x - capWidth / 2, y: lantern.center.y + lantern.radius * 1.15 - 7 * unit, width: capWidth, height: 12 * unit, radius: 3 * unit)
        }
        canvas.paint(Colour(0x3A2718))
        for lantern in lanterns {
            let tasselTop = lantern.center.y + lantern.radius * 1.15 + 5 * unit
            canvas.polygon([Point(lantern.center.x - 2 * unit, tasselTop), Point(lantern.center.x + 2 * unit, tasselTop),
                            Point(lantern.center.x + 7 * unit, tasselTop + 34 * unit), Point(lantern.center.x - 7 * unit, tasselTop + 34 * unit)])
        }
        canvas.paint(Colour(0xC1121F))
        return canvas
    }

    /// Globe: the Earth with continents, meridians and parallels, and a satellite in orbit.
    mutating func globe() throws(VipsFailure) -> Canvas {
        struct Look { var top: Colour, bottom: Colour, ocean: Colour, land: Colour, night: Bool }
        let look = random.pick([
            Look(top: Colour(0x0B132B), bottom: Colour(0x1C2541), ocean: Colour(0x1E88E5), land: Colour(0x66BB6A), night: true),
            Look(top: Colour(0xE0F2FE), bottom: Colour(0xBAE6FD), ocean: Colour(0x0EA5E9), land: Colour(0x34D399), night: false),
            Look(top: Colour(0x0F2027), bottom: Colour(0x2C5364), ocean: Colour(0x26A69A), land: Colour(0xE9C46A), night: true),
        ])
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.top, bottom: look.bottom)
        if look.night { stars(count: 90, below: 1, on: canvas) }
        let center = Point(width * random.double(0.42...0.58), height * 0.5)
        let radius = height * 0.36
        let view = GlobeView(center: center, radius: radius, longitude: random.double(0...(2 * Double.pi)), tilt: random.double(0.25...0.45))
        let orbitTilt = random.double(-0.35...(-0.15))
        func orbit(from: Double, to: Double) -> [Point] {
            (0...40).map { step in
                let angle = from + (to - from) * Double(step) / 40
                return rotate(center + Point(radius * 1.5 * cos(angle), radius * 0.36 * sin(angle)), by: orbitTilt, around: center)
            }
        }

        canvas.polyline(orbit(from: Double.pi, to: 2 * Double.pi), width: 2.5 * unit)
        canvas.paint(.white, opacity: 0.45)
        canvas.glow(center, inner: radius, outer: radius * 1.3)
        canvas.paint(look.ocean.lighter(0.3), opacity: 0.4)
        canvas.circle(center, radius: radius)
        canvas.paint(look.ocean)

        // Continents: noisy blobs on the sphere, drawn where they face us.
        for _ in 0..<random.int(6...9) {
            let blobLongitude = view.longitude + random.double(-1.6...1.6)
            let blobLatitude = random.double(-1.0...1.0)
            let size = random.double(0.12...0.32)
            let bumps = (0..<3).map { _ in (random.double(1...4).rounded(), random.double(0...(2 * Double.pi))) }
            let outline = (0..<36).map { step -> Point in
                let angle = Double(step) / 36 * 2 * Double.pi
                let wobble = 1 + bumps.reduce(0) { $0 + 0.18 * sin($1.0 * angle + $1.1) }
                let latitude = blobLatitude + size * wobble * sin(angle)
                let longitude = blobLongitude + size * wobble * cos(angle) / max(0.3, cos(blobLatitude))
                return view.project(latitude: latitude, longitude: longitude, clampToLimb: true)
            }
            canvas.polygon(outline)
        }
        canvas.paint(look.land)

        for meridian in stride(from: 0.0, to: 2 * Double.pi, by: Double.pi / 6) {
            for run in view.visibleRuns((0...36).map { (latitude: -Double.pi / 2 + Double.pi * Double($0) / 36, longitude: meridian) }) {
                canvas.polyline(run, width: 1.5 * unit)
            }
        }
        for parallel in [-Double.pi / 3, -Double.pi / 6, 0, Double.pi / 6, Double.pi / 3] {
            for run in view.visibleRuns((0...72).map { (latitude: parallel, longitude: 2 * Double.pi * Double($0) / 72) }) {
                canvas.polyline(run, width: 1.5 * unit)
            }
        }
        canvas.paint(.white, opacity: 0.35)
        canvas.glow(center + Point(-0.32, -0.34) * radius, inner: 0, outer: radius * 0.55)
        canvas.paint(.white, opacity: 0.22)

        let front = orbit(from: 0, to: Double.pi)
        canvas.polyline(front, width: 2.5 * unit)
        canvas.paint(.white, opacity: 0.6)
        let satellite = front[random.int(8...32)]
        canvas.rect(x: satellite.x - 30 * unit, y: satellite.y - 5 * unit, width: 60 * unit, height: 10 * unit)
        canvas.paint(Colour(0x3B82F6))
        canvas.roundedRect(x: satellite.x - 9 * unit, y: satellite.y - 9 * unit, width: 18 * unit, height: 18 * unit, radius: 3 * unit)
        canvas.paint(Colour(0xE5E7EB))
        return canvas
    }

    /// Books: two wooden shelves of books, one leaning, with a plant.
    mutating func books() throws(VipsFailure) -> Canvas {
        struct Look { var top: Colour, bottom: Colour, wood: Colour, covers: [Colour] }
        let look = random.pick([
            Look(top: Colour(0xF4EADD), bottom: Colour(0xE5D3BF), wood: Colour(0x8D6E63),
                 covers: [Colour(0xC0392B), Colour(0x2E86AB), Colour(0xF6AE2D), Colour(0x33658A), Colour(0x86BBD8), Colour(0x2F4858), Colour(0xE07A5F)]),
            Look(top: Colour(0xE3F2EA), bottom: Colour(0xCBE6D8), wood: Colour(0x6D4C41),
                 covers: [Colour(0x264653), Colour(0x2A9D8F), Colour(0xE9C46A), Colour(0xF4A261), Colour(0xE76F51), Colour(0x8AB17D), Colour(0x6D597A)]),
            Look(top: Colour(0xDDE7F3), bottom: Colour(0xC6D5E8), wood: Colour(0xA1887F),
                 covers: [Colour(0x3D5A80), Colour(0xEE6C4D), Colour(0x98C1D9), Colour(0x293241), Colour(0xF2CC8F), Colour(0x81B29A), Colour(0xB56576)]),
        ])
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.top, bottom: look.bottom)
        let left = width * 0.06, right = width * 0.94
        let shelves = [height * 0.47, height * 0.9]
        let plank = 18 * unit

        for shelf in shelves {
            canvas.rect(x: left, y: shelf + plank, width: right - left, height: 10 * unit)
        }
        canvas.paint(.black, opacity: 0.18, blur: 6 * unit)
        for shelf in shelves {
            for x in [left + 60 * unit, right - 60 * unit] {
                canvas.polygon([Point(x - 6 * unit, shelf + plank), Point(x + 6 * unit, shelf + plank), Point(x + 6 * unit, shelf + plank + 40 * unit)])
            }
        }
        canvas.paint(look.wood.darker(0.35))

        // Spines, grouped by colour so each colour is one paint.
        var spines = [[(x: Double, top: Double, width: Double, lean: Double)]](repeating: [], count: look.covers.count)
        let plantShelf = random.int(0...(shelves.count - 1))
        var plantSpot: Double?
        for (shelfIndex, shelf) in shelves.enumerated() {
            var x = left + random.double(14...40) * unit
            var leaned = false
            var upright = 0
            while x < right - 60 * unit {
                if shelfIndex == plantShelf, plantSpot == nil, x > left + (right - left) * random.double(0.35...0.7) {
                    plantSpot = x + 50 * unit
                    x += 110 * unit
                    continue
                }
                let spineWidth = random.double(24...48) * unit
                let spineHeight = height * random.double(0.24...0.33)
                let colour = random.int(0...(look.covers.count - 1))
                if !leaned, upright >= 3, x > right - 200 * unit || random.chance(0.07) {
                    // Resting against the last upright book: its foot stands out, its top touches.
                    let lean = 0.2
                    let foot = x + spineHeight * sin(lean)
                    guard foot + spineWidth < right else { break }
                    spines[colour].append((x: foot, top: shelf - spineHeight, width: spineWidth, lean: -lean))
                    leaned = true
                    x = foot + spineWidth + random.double(20...40) * unit
                    continue
                }
                spines[colour].append((x: x, top: shelf - spineHeight, width: spineWidth, lean: 0))
                upright += 1
                x += spineWidth + random.double(0...3) * unit
            }
        }
        for (colour, group) in spines.enumerated() {
            for spine in group {
                let bottom = shelves.first { $0 > spine.top } ?? shelves[0]
                canvas.rotatedRect(x: spine.x, y: spine.top, width: spine.width, height: bottom - spine.top, angle: spine.lean, pivot: Point(spine.x, bottom))
            }
            canvas.paint(look.covers[colour])
        }
        for group in spines {
            for spine in group {
                let bottom = shelves.first { $0 > spine.top } ?? shelves[0]
                let pivot = Point(spine.x, bottom)
                for band in [0.12, 0.8] {
                    let y = spine.top + (bottom - spine.top) * band
                    canvas.rotatedRect(x: spine.x + 3 * unit, y: y, width: spine.width - 6 * unit, height: 5 * unit, angle: spine.lean, pivot: pivot)
                }
            }
        }
        canvas.paint(.white, opacity: 0.45)
        for group in spines {
            for spine in group {
                let bottom = shelves.first { $0 > spine.top } ?? shelves[0]
                canvas.rotatedRect(x: spine.x + spine.width * 0.3, y: spine.top + (bottom - spine.top) * 0.32, width: spine.width * 0.4, height: (bottom - spine.top) * 0.3,
                                   angle: spine.lean, pivot: Point(spine.x, bottom))
            }
        }
        canvas.paint(.black, opacity: 0.15)

        if let spot = plantSpot {
            let floor = shelves[plantShelf]
            for (angle, length) in [(-0.9, 70.0), (-0.45, 95.0), (0.0, 105.0), (0.45, 90.0), (0.9, 68.0), (-0.2, 80.0), (0.25, 84.0)] {
                let base = Point(spot, floor - 50 * unit)
                let tip = base + Point(sin(angle), -cos(angle)) * length * unit
                let side = Point(cos(angle), sin(angle)) * 11 * unit
                let middle = (base + tip) / 2
                canvas.polygon([base, middle + side, tip, middle - side])
            }
            canvas.paint(Colour(0x3E8E5B))
            canvas.polygon([Point(spot - 34 * unit, floor - 58 * unit), Point(spot + 34 * unit, floor - 58 * unit),
                            Point(spot + 26 * unit, floor), Point(spot - 26 * unit, floor)])
            canvas.paint(Colour(0xC8693F))
            canvas.rect(x: spot - 38 * unit, y: floor - 62 * unit, width: 76 * unit, height: 12 * unit)
            canvas.paint(Colour(0xB35A34))
        }

        for shelf in shelves {
            canvas.rect(x: left, y: shelf, width: right - left, height: plank)
        }
        canvas.paint(look.wood)
        for shelf in shelves {
            canvas.rect(x: left, y: shelf, width: right - left, height: 4 * unit)
        }
        canvas.paint(look.wood.lighter(0.25))
        return canvas
    }
}

/// An orthographic view of a sphere: latitude and longitude to canvas points.
private struct GlobeView {
    var center: Point, radius: Double, longitude: Double, tilt: Double

    /// Where a place appears, and whether it faces us.
    func locate(latitude: Double, longitude: Double) -> (point: Point, visible: Bool) {
        let x = cos(latitude) * sin(longitude - self.longitude)
        let y = sin(latitude)
        let z = cos(latitude) * cos(longitude - self.longitude)
        // Tip the north pole towards the viewer by `tilt`.
        let tippedY = y * cos(tilt) - z * sin(tilt)
        let tippedZ = y * sin(tilt) + z * cos(tilt)
        return (center + Point(x, -tippedY) * radius, tippedZ >= 0)
    }

    /// Where a place appears; places behind the globe are pulled to its rim.
    func project(latitude: Double, longitude: Double, clampToLimb: Bool) -> Point {
        let (point, visible) = locate(latitude: latitude, longitude: longitude)
        guard !visible, clampToLimb else { return point }
        let offset = point - center
        let length = (offset * offset).sum().squareRoot()
        return length > 0 ? center + offset / length * radius : point
    }

    /// The stretches of a path that face us, as canvas points.
    func visibleRuns(_ places: [(latitude: Double, longitude: Double)]) -> [[Point]] {
        var runs: [[Point]] = []
        var run: [Point] = []
        for place in places {
            let (point, visible) = locate(latitude: place.latitude, longitude: place.longitude)
            if visible {
                run.append(point)
            } else if !run.isEmpty {
                runs.append(run)
                run = []
            }
        }
        if run.count > 1 { runs.append(run) }
        return runs.filter { $0.count > 1 }
    }
}

import Foundation

extension Scene {
    /// Skyline: two rows of buildings with windows, under a day, dusk or night sky.
    mutating func skyline() throws(VipsFailure) -> Canvas {
        struct Look {
            var skyTop: Colour, skyBottom: Colour, far: Colour, near: Colour, window: Colour, ground: Colour, sun: Colour
            var night: Bool
        }
        let look = random.pick([
            Look(skyTop: Colour(0x6FB8E0), skyBottom: Colour(0xE6F4FA), far: Colour(0xA7C3D6), near: Colour(0x3E5C79),
                 window: Colour(0xD3ECF8), ground: Colour(0x2B3E52), sun: Colour(0xFFF2C4), night: false),
            Look(skyTop: Colour(0x3A2A5C), skyBottom: Colour(0xF6A56F), far: Colour(0x8C6688), near: Colour(0x3E2C4E),
                 window: Colour(0xFFD08A), ground: Colour(0x2A1E36), sun: Colour(0xFFC27A), night: false),
            Look(skyTop: Colour(0x0A1430), skyBottom: Colour(0x2A4580), far: Colour(0x22345E), near: Colour(0x111B36),
                 window: Colour(0xFFD56B), ground: Colour(0x0B1226), sun: Colour(0xF3F0DC), night: true),
        ])
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.skyTop, bottom: look.skyBottom)
        let groundY = height * random.double(0.86...0.9)

        if look.night {
            stars(count: 70, below: 0.6, on: canvas)
            let moon = at(random.double(0.15...0.85), random.double(0.14...0.24))
            canvas.glow(moon, inner: 30 * unit, outer: 110 * unit)
            canvas.paint(look.sun, opacity: 0.18)
            canvas.circle(moon, radius: 32 * unit)
            canvas.paint(look.sun)
        } else {
            sun(at: at(random.double(0.15...0.85), random.double(0.16...0.3)), radius: 46 * unit,
                    colour: look.sun, glow: look.sun, on: canvas)
            clouds(count: 2...3, colour: .white, opacity: 0.85, top: 0.12, bottom: 0.32, on: canvas)
        }

        // Far row: a hazy band of plain blocks.
        var x = -10 * unit
        while x < width {
            let blockWidth = random.double(45...110) * unit
            let top = groundY - height * random.double(0.25...0.55)
            canvas.rect(x: x, y: top, width: blockWidth + 1, height: groundY - top + 1)
            if random.chance(0.3) {
                canvas.rect(x: x + blockWidth * 0.4, y: top - 26 * unit, width: 3 * unit, height: 26 * unit)
            }
            x += blockWidth
        }
        canvas.paint(look.far)

        // Near row: towers with varied roofs, a shaded side, and a grid of windows.
        struct Tower { var x: Double, top: Double, width: Double }
        var towers: [Tower] = []
        x = random.double(-40...0) * unit
        while x < width {
            let towerWidth = random.double(70...150) * unit
            let top = groundY - height * random.double(0.2...0.68)
            towers.append(Tower(x: x, top: top, width: towerWidth))
            x += towerWidth + random.double(4...26) * unit
        }
        for tower in towers {
            canvas.rect(x: tower.x, y: tower.top, width: tower.width, height: groundY - tower.top + 1)
            switch random.int(0...3) {
            case 0: // spire
                canvas.polygon([
                    Point(tower.x + tower.width * 0.3, tower.top), Point(tower.x + tower.width * 0.5, tower.top - 50 * unit),
                    Point(tower.x + tower.width * 0.7, tower.top),
                ])
            case 1: // stepped crown
                canvas.rect(x: tower.x + tower.width * 0.15, y: tower.top - 18 * unit, width: tower.width * 0.7, height: 19 * unit)
                canvas.rect(x: tower.x + tower.width * 0.35, y: tower.top - 34 * unit, width: tower.width * 0.3, height: 17 * unit)
            case 2: // antenna
                canvas.rect(x: tower.x + tower.width * 0.5 - 1.5 * unit, y: tower.top - 44 * unit, width: 3 * unit, height: 45 * unit)
            default:
                break
            }
        }
        canvas.paint(look.near)
        for tower in towers {
            canvas.rect(x: tower.x + tower.width * 0.72, y: tower.top, width: tower.width * 0.28, height: groundY - tower.top)
        }
        canvas.paint(look.near.darker(0.25))

        let windowWidth = 9 * unit, windowHeight = 13 * unit
        for tower in towers {
            let face = tower.width * 0.72
            let columns = max(1, Int((face - 12 * unit) / (windowWidth + 8 * unit)))
            let gap = (face - Double(columns) * windowWidth) / Double(columns + 1)
            var y = tower.top + 16 * unit
            while y + windowHeight < groundY - 14 * unit {
                for column in 0..<columns where random.chance(look.night ? 0.45 : 0.8) {
                    canvas.rect(x: tower.x + gap + Double(column) * (windowWidth + gap), y: y, width: windowWidth, height: windowHeight)
                }
                y += windowHeight + 10 * unit
            }
        }
        canvas.paint(look.window, opacity: look.night ? 0.95 : 0.55)

        // Street, trees and a lamp-lit kerb.
        canvas.rect(x: 0, y: groundY, width: width, height: height - groundY)
        canvas.paint(look.ground)
        x = random.double(10...60) * unit
        while x < width {
            canvas.circle(Point(x, groundY - 12 * unit), radius: random.double(10...15) * unit)
            canvas.rect(x: x - 1.5 * unit, y: groundY - 10 * unit, width: 3 * unit, height: 10 * unit)
            x += random.double(60...140) * unit
        }
        canvas.paint(look.night ? Colour(0x1F3B2E) : Colour(0x3F7A4E))
        for index in 0..<Int(width / (60 * unit)) {
            canvas.rect(x: Double(index) * 60 * unit + 12 * unit, y: groundY + (height - groundY) * 0.55, width: 28 * unit, height: 3 * unit)
        }
        canvas.paint(look.window, opacity: 0.5)
        return canvas
    }

    /// Bridge: a suspension bridge over water, with its reflection.
    mutating func bridge() throws(VipsFailure) -> Canvas {
        struct Look {
            var skyTop: Colour, skyBottom: Colour, waterTop: Colour, waterBottom: Colour
            var steel: Colour, hills: Colour, sun: Colour, night: Bool
        }
        let look = random.pick([
            Look(skyTop: Colour(0x86C1EE), skyBottom: Colour(0xEAF5FD), waterTop: Colour(0x4A8FC4), waterBottom: Colour(0x1A4C70),
                 steel: Colour(0xC0392B), hills: Colour(0x86ABA6), sun: Colour(0xFFF3C9), night: false),
            Look(skyTop: Colour(0x2E1B48), skyBottom: Colour(0xF4A06F), waterTop: Colour(0x6A4168), waterBottom: Colour(0x1D1432),
                 steel: Colour(0x2A1B38), hills: Colour(0x5D3F68), sun: Colour(0xFFC67F), night: false),
            Look(skyTop: Colour(0x0A0F26), skyBottom: Colour(0x2D3F76), waterTop: Colour(0x1A2648), waterBottom: Colour(0x0A0F24),
                 steel: Colour(0x8D99A8), hills: Colour(0x18213D), sun: Colour(0xF2EFD8), night: true),
        ])
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.skyTop, bottom: look.skyBottom)
        let waterY = height * random.double(0.66...0.72)
        let deckY = height * random.double(0.55...0.6)

        if look.night {
            stars(count: 60, below: 0.5, on: canvas)
        }
        sun(at: at(random.double(0.12...0.88), random.double(0.15...0.3)), radius: (look.night ? 26 : 40) * unit,
                colour: look.sun, glow: look.sun, on: canvas)
        if !look.night {
            clouds(count: 1...3, colour: .white, opacity: 0.8, top: 0.1, bottom: 0.3, on: canvas)
        }
        fillBelow(ridge(base: waterY - 20 * unit, amplitude: 40 * unit, roughness: 0.5, smooth: true), on: canvas)
        canvas.paint(look.hills)
        try canvas.gradient(x: 0, y: waterY, width: width, height: height - waterY, top: look.waterTop, bottom: look.waterBottom)

        let left = width * random.double(0.22...0.3), right = width * random.double(0.7...0.78)
        let towerTop = height * random.double(0.12...0.2)
        let shape = BridgeShape(left: left, right: right, towerTop: towerTop, deckY: deckY, width: width, unit: unit)

        // The reflection first, mirrored about the waterline, soft and faint.
        shape.add(to: canvas) { Point($0.x, 2 * waterY - $0.y) }
        canvas.paint(look.steel, opacity: 0.3, blur: 2.5 * unit)
        for _ in 0..<18 {
            // Interpolated rather than a range: on a very short canvas the band can be empty.
            let y = waterY + 8 * unit + (height - waterY - 14 * unit) * random.unit()
            canvas.rect(x: random.double(0...width), y: y, width: random.double(30...120) * unit, height: 2 * unit)
        }
        canvas.paint(.white, opacity: 0.2)

        shape.add(to: canvas) { $0 }
        canvas.paint(look.steel)
        canvas.rect(x: 0, y: deckY + 6 * unit, width: width, height: 5 * unit)
        canvas.paint(look.steel.darker(0.35))
        if look.night {
            for point in shape.cablePoints(step: 40 * unit) {
                canvas.circle(point, radius: 3 * unit)
            }
            canvas.paint(Colour(0xFFE08A))
        }
        return canvas
    }

    /// Stadium: a floodlit football pitch in perspective, with stands full of people.
    mutating func stadium() throws(VipsFailure) -> Canvas {
        let looks: [(top: Colour, bottom: Colour, grass: Colour)] = [
            (Colour(0x0B1633), Colour(0x27457A), Colour(0x2E8B3E)),
            (Colour(0x2B2D6E), Colour(0xF08C6A), Colour(0x3C9A46)),
            (Colour(0x69B9EC), Colour(0xD3EEFC), Colour(0x45A94F)),
        ]
        let look = random.pick(looks)
        let canvas = try Canvas(width: Int(width), height: Int(height), top: look.top, bottom: look.bottom)
        let standsTop = height * random.double(0.16...0.22)
        let pitchTop = height * random.double(0.46...0.5)

        // Stands: a dark bowl, then a crowd of coloured dots row by row.
        canvas.polygon([
            Point(0, standsTop + 30 * unit), Point(width * 0.12, standsTop), Point(width * 0.88, standsTop),
            Point(width, standsTop + 30 * unit), Point(width, pitchTop + 10 * unit), Point(0, pitchTop + 10 * unit),
        ])
        canvas.paint(Colour(0x262B36))
        let shirts = [Colour(0xE63946), Colour(0xF1FAEE), Colour(0xFFD166), Colour(0x457B9D), Colour(0xF4A261)]
        var crowd = [[Point]](repeating: [], count: shirts.count)
        var y = standsTop + 22 * unit
        while y < pitchTop - 6 * unit {
            var x = random.double(0...8) * unit
            while x < width {
                let index = random.int(0...(shirts.count - 1))
                crowd[index].append(Point(x, y + random.double(-1.5...1.5) * unit))
                x += random.double(8...12) * unit
            }
            y += 11 * unit
        }
        for (index, heads) in crowd.enumerated() {
            for head in heads { canvas.circle(head, radius: 3.4 * unit) }
            canvas.paint(shirts[index], opacity: 0.9)
        }
        canvas.rect(x: 0, y: pitchTop - 4 * unit, width: width, height: 14 * unit)
        canvas.paint(Colour(0x1B1F27))

        // Floodlights on masts above the stands.
        let masts = random.int(2...3)
        var lamps: [Point] = []
        for index in 0..<masts {
            let x = width * (0.08 + 0.84 * Double(index) / Double(masts - 1))
            let lamp = Point(x, standsTop - 70 * unit)
            lamps.append(lamp)
            canvas.rect(x: x - 3 * unit, y: lamp.y, width: 6 * unit, height: standsTop - lamp.y + 20 * unit)
        }
        canvas.paint(Colour(0x3A4150))
        for lamp in lamps { canvas.glow(lamp, inner: 20 * unit, outer: 120 * unit) }
        canvas.paint(Colour(0xFFF6D8), opacity: 0.45)
        for lamp in lamps {
            canvas.roundedRect(x: lamp.x - 26 * unit, y: lamp.y - 16 * unit, width: 52 * unit, height: 24 * unit, radius: 4 * unit)
        }
        canvas.paint(Colour(0xFFFBEA))

        // The pitch, 105 m × 68 m, seen from the side stand: straight lines stay straight.
        let pitch = PitchProjection(top: pitchTop + 14 * unit, bottom: height * 0.99, centerX: width / 2,
                                    topHalfWidth: width * 0.36, bottomHalfWidth: width * 0.62)
        canvas.polygon([Point(0, pitchTop + 10 * unit), Point(width, pitchTop + 10 * unit), Point(width, height), Point(0, height)])
        canvas.paint(look.grass.darker(0.12))
        for stripe in stride(from: 0, to: 12, by: 2) {
            let u0 = 105 * Double(stripe) / 12, u1 = 105 * Double(stripe + 1) / 12
            canvas.polygon([pitch.project(u0, -4), pitch.project(u1, -4), pitch.project(u1, 72), pitch.project(u0, 72)])
        }
        canvas.paint(look.grass.lighter(0.08))

        let line = 3 * unit
        let outline = [pitch.project(0, 0), pitch.project(105, 0), pitch.project(105, 68), pitch.project(0, 68)]
        canvas.polyline(outline, width: line, closed: true)
        canvas.line(from: pitch.project(52.5, 0), to: pitch.project(52.5, 68), width: line)
        canvas.polyline((0..<48).map { index in
            let angle = Double(index) / 48 * 2 * Double.pi
            return pitch.project(52.5 + 9.15 * cos(angle), 34 + 9.15 * sin(angle))
        }, width: line, closed: true)
        for end in [0.0, 105.0] {
            let inward = end == 0 ? 1.0 : -1.0
            canvas.polyline([pitch.project(end, 13.84), pitch.project(end + inward * 16.5, 13.84),
                             pitch.project(end + inward * 16.5, 54.16), pitch.project(end, 54.16)], width: line)
            canvas.polyline([pitch.project(end, 24.84), pitch.project(end + inward * 5.5, 24.84),
                             pitch.project(end + inward * 5.5, 43.16), pitch.project(end, 43.16)], width: line)
            canvas.circle(pitch.project(end + inward * 11, 34), radius: 3 * unit)
            let post = pitch.project(end, 30.34), otherPost = pitch.project(end, 37.66)
            canvas.line(from: post, to: post - Point(0, 34 * unit), width: line)
            canvas.line(from: otherPost, to: otherPost - Point(0, 34 * unit), width: line)
            canvas.line(from: post - Point(0, 34 * unit), to: otherPost - Point(0, 34 * unit), width: line)
        }
        canvas.circle(pitch.project(52.5, 34), radius: 3.5 * unit)
        canvas.paint(Colour(0xF4F7F2), opacity: 0.92)

        let ball = pitch.project(random.double(30...75), random.double(15...55))
        canvas.circle(ball + Point(2, 3) * unit, radius: 8 * unit)
        canvas.paint(.black, opacity: 0.25, blur: 2 * unit)
        canvas.circle(ball, radius: 8 * unit)
        canvas.paint(.white)
        canvas.circle(ball + Point(-2, -1) * unit, radius: 3 * unit)
        canvas.paint(Colour(0x222222))
        return canvas
    }
}

/// The outline of a suspension bridge: two portal towers, a deck, and cables with hangers.
private struct BridgeShape {
    var left: Double, right: Double, towerTop: Double, deckY: Double, width: Double, unit: Double

    /// Height of the main cable at `x`: parabolas between the towers and out to the banks.
    func cable(at x: Double) -> Double {
        let sag = deckY - 8 * unit
        if x < left {
            let t = (left - x) / left
            return towerTop + (sag - towerTop) * t * t * 0.9
        }
        if x > right {
            let t = (x - right) / (width - right)
            return towerTop + (sag - towerTop) * t * t * 0.9
        }
        let t = (x - (left + right) / 2) / ((right - left) / 2)
        return sag - (sag - towerTop) * t * t
    }

    /// Points along the cable, `step` pixels apart.
    func cablePoints(step: Double) -> [Point] {
        stride(from: 0, through: width, by: step).map { Point($0, cable(at: $0)) }
    }

    /// Adds every part, each point passed through `place` (to mirror it for the reflection).
    func add(to canvas: borrowing Canvas, place: (Point) -> Point) {
        func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double) {
            canvas.polygon([Point(x, y), Point(x + w, y), Point(x + w, y + h), Point(x, y + h)].map(place))
        }
        rect(-2, deckY, width + 4, 8 * unit)
        let leg = 12 * unit, spread = 22 * unit
        for tower in [left, right] {
            for side in [-1.0, 1.0] {
                rect(tower + side * spread - leg / 2, towerTop, leg, deckY - towerTop + 40 * unit)
            }
            for beam in [towerTop + 6 * unit, towerTop + (deckY - towerTop) * 0.45] {
                rect(tower - spread, beam, 2 * spread, 7 * unit)
            }
            rect(tower - spread - 12 * unit, deckY + 8 * unit, 2 * spread + 24 * unit, 50 * unit)
        }
        canvas.polyline(cablePoints(step: 12 * unit).map(place), width: 3.5 * unit)
        for x in stride(from: 16 * unit, to: width, by: 18 * unit) where abs(x - left) > spread + 4 && abs(x - right) > spread + 4 {
            canvas.line(from: place(Point(x, cable(at: x))), to: place(Point(x, deckY)), width: 1.4 * unit)
        }
    }
}

/// Maps pitch metres (along 0–105, across 0–68 away from the viewer) to the canvas.
private struct PitchProjection {
    var top: Double, bottom: Double, centerX: Double, topHalfWidth: Double, bottomHalfWidth: Double

    /// The canvas point for pitch position (`along`, `across`).
    func project(_ along: Double, _ across: Double) -> Point {
        // 0 at the far edge of the grass (72 m), 1 at the near edge (-4 m); far lines crowd together.
        let t = pow(min(max((72 - across) / 76, 0), 1), 1.35)
        let y = top + (bottom - top) * t
        let halfWidth = topHalfWidth + (bottomHalfWidth - topHalfWidth) * t
        return Point(centerX + (along / 105 - 0.5) * 2 * halfWidth, y)
    }
}

/// An sRGB colour, each channel 0–255.
struct Colour: Sendable, Equatable {
    var red: Double
    var green: Double
    var blue: Double

    /// A colour from its channels.
    init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour written as in CSS: `Colour(0x1D3557)`.
    init(_ hex: UInt32) {
        self.init(red: Double(hex >> 16 & 0xFF), green: Double(hex >> 8 & 0xFF), blue: Double(hex & 0xFF))
    }

    static let white = Colour(0xFFFFFF)
    static let black = Colour(0x000000)

    /// The channels in the order the shim takes them.
    var components: [Double] { [red, green, blue] }

    /// This colour moved `amount` (0–1) of the way to `other`.
    func mixed(with other: Colour, _ amount: Double) -> Colour {
        Colour(
            red: red + (other.red - red) * amount,
            green: green + (other.green - green) * amount,
            blue: blue + (other.blue - blue) * amount
        )
    }

    /// This colour moved `amount` of the way to white.
    func lighter(_ amount: Double) -> Colour { mixed(with: .white, amount) }

    /// This colour moved `amount` of the way to black.
    func darker(_ amount: Double) -> Colour { mixed(with: .black, amount) }
}

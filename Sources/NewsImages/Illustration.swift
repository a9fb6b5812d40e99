/// One illustration to draw.
public struct Illustration: Sendable {
    /// What the picture shows.
    public var motif: Motif
    /// Varies palette and layout; the same seed draws the same picture.
    public var seed: UInt64
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// Describes an illustration; 1200×675 (16:9) unless told otherwise.
    public init(motif: Motif, seed: UInt64, width: Int = 1200, height: Int = 675) {
        self.motif = motif
        self.seed = seed
        self.width = width
        self.height = height
    }
}

/// Widths the site publishes an image at; never upscaled.
public enum VariantWidths {
    /// Phone, large phone and small tablet, desktop column, wide hero: the `srcset` widths of every published image.
    public static let standard: [Int] = [320, 640, 1024, 1600]
}

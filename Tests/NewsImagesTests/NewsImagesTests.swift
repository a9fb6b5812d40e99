import Testing

/// Every NewsImages suite runs inside this one, one test at a time: the leak check counts
/// libvips objects for the whole process, and our own paints must not blur that count.
@Suite(.serialized)
struct NewsImagesTests {}

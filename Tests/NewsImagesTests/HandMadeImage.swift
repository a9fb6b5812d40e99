/// Image files written byte by byte, so that tests do not make their inputs with the code they test,
/// and can make files libvips would not write: huge blank PNGs, animated GIFs, JPEGs with EXIF.
enum HandMadeImage {
    /// A valid black PNG (1-bit grey) of any size; its pixel data compresses ~1000:1, so a
    /// 10000×10000 "decompression bomb" takes ~80 KB.
    static func blankPNG(width: Int, height: Int) -> [UInt8] {
        let header = bigEndian32(width) + bigEndian32(height) + [1, 0, 0, 0, 0] // 1 bit, grey, deflate, no filter, no interlace
        // Each row: filter byte 0, then black pixels: all zero bytes.
        let zeros = (1 + (width + 7) / 8) * height
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", header) + chunk("IDAT", zlibOfZeros(count: zeros)) + chunk("IEND", [])
    }

    /// A PNG that declares its size and holds garbage where its pixels should be: only a reader that
    /// stops at the header can tell its size.
    static func pngWithoutPixels(width: Int, height: Int) -> [UInt8] {
        let header = bigEndian32(width) + bigEndian32(height) + [8, 2, 0, 0, 0] // 8 bits, RGB
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", header) + chunk("IDAT", Array("not deflate data".utf8)) + chunk("IEND", [])
    }

    /// `png` with a text comment and EXIF (orientation 1 and a GPS position) inserted after its header chunk.
    static func png(_ png: [UInt8], withComment comment: String) -> [UInt8] {
        let headerEnd = 8 + 25 // signature, IHDR
        precondition(png.count > headerEnd && png[12..<16].elementsEqual("IHDR".utf8), "not a PNG")
        let text = chunk("tEXt", Array("Comment".utf8) + [0] + Array(comment.utf8))
        let exif = chunk("eXIf", tiffWithGPS(orientation: 1))
        return Array(png[..<headerEnd]) + text + exif + Array(png[headerEnd...])
    }

    /// An animated GIF (looping, 0.1 s a frame) whose frames are filled with the given colours, one each.
    static func animatedGIF(width: Int, height: Int, frames: [(red: UInt8, green: UInt8, blue: UInt8)]) -> [UInt8] {
        precondition((1...3).contains(frames.count), "the palette holds black and three colours")
        var gif = Array("GIF89a".utf8) + littleEndian16(width) + littleEndian16(height)
        gif += [0x91, 0, 0] // global colour table of 4 entries, 2 bits of colour resolution; background 0
        gif += [0, 0, 0] // palette entry 0: black
        for index in 0..<3 {
            let colour = index < frames.count ? frames[index] : (red: 0, green: 0, blue: 0)
            gif += [colour.red, colour.green, colour.blue]
        }
        gif += [0x21, 0xFF, 0x0B] + Array("NETSCAPE2.0".utf8) + [0x03, 0x01, 0x00, 0x00, 0x00] // loop forever
        for index in frames.indices {
            gif += [0x21, 0xF9, 0x04, 0x04] + littleEndian16(10) + [0x00, 0x00] // keep the frame; 10 centiseconds
            gif += [0x2C] + littleEndian16(0) + littleEndian16(0) + littleEndian16(width) + littleEndian16(height) + [0x00]
            gif += [2] // LZW minimum code size: 2 bits (4 colours)
            // A clear code before every pixel keeps codes 3 bits wide and the table empty: large, but valid
            // under any reading of when a decoder widens its codes.
            var bits = BitWriter()
            for _ in 0..<(width * height) {
                bits.write(4, count: 3) // clear
                bits.write(UInt32(index + 1), count: 3)
            }
            bits.write(5, count: 3) // end of information
            let data = bits.bytes
            for start in stride(from: 0, to: data.count, by: 255) {
                let block = data[start..<min(start + 255, data.count)]
                gif += [UInt8(block.count)] + block
            }
            gif += [0x00]
        }
        return gif + [0x3B]
    }

    /// `jpeg` with an EXIF segment inserted after its start marker, holding `orientation` (1–8) and a GPS
    /// position (21° 1′ 42″ N, the kind of thing a phone adds).
    static func jpeg(_ jpeg: [UInt8], withEXIFOrientation orientation: UInt16) -> [UInt8] {
        precondition(jpeg.starts(with: [0xFF, 0xD8]), "not a JPEG")
        let payload = Array("Exif".utf8) + [0, 0] + tiffWithGPS(orientation: orientation)
        let segment: [UInt8] = [0xFF, 0xE1] + bigEndian16(payload.count + 2) + payload
        return Array(jpeg[..<2]) + segment + Array(jpeg[2...])
    }

    // MARK: - Parts

    /// EXIF's TIFF structure, big-endian: header, IFD0 (orientation, pointer to the GPS IFD), GPS IFD, its rationals.
    private static func tiffWithGPS(orientation: UInt16) -> [UInt8] {
        var tiff: [UInt8] = Array("MM".utf8) + [0x00, 0x2A] + bigEndian32(8)
        let gpsOffset = 8 + 2 + 2 * 12 + 4
        tiff += bigEndian16(2)
        tiff += bigEndian16(0x0112) + bigEndian16(3) + bigEndian32(1) + bigEndian16(Int(orientation)) + [0, 0]
        tiff += bigEndian16(0x8825) + bigEndian16(4) + bigEndian32(1) + bigEndian32(gpsOffset)
        tiff += bigEndian32(0)
        let rationalsOffset = gpsOffset + 2 + 2 * 12 + 4
        tiff += bigEndian16(2)
        tiff += bigEndian16(0x0001) + bigEndian16(2) + bigEndian32(2) + Array("N".utf8) + [0, 0, 0]
        tiff += bigEndian16(0x0002) + bigEndian16(5) + bigEndian32(3) + bigEndian32(rationalsOffset)
        tiff += bigEndian32(0)
        for value in [21, 1, 42] { tiff += bigEndian32(value) + bigEndian32(1) }
        return tiff
    }

    /// A PNG chunk: length, type, data, CRC of type and data.
    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian32(data.count) + typed + bigEndian32(Int(crc32(typed)))
    }

    /// A zlib stream of `count` zero bytes: one fixed-Huffman deflate block of a literal zero and
    /// back-references of 258 bytes at distance 1.
    private static func zlibOfZeros(count: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1) // last block
        bits.write(1, count: 2) // fixed Huffman codes
        var left = count
        if left > 0 {
            bits.writeCode(0x30, length: 8) // literal 0
            left -= 1
        }
        while left >= 258 {
            bits.writeCode(0xC5, length: 8) // length 258 (code 285)
            bits.writeCode(0, length: 5) // distance 1
            left -= 258
        }
        for _ in 0..<left { bits.writeCode(0x30, length: 8) }
        bits.writeCode(0, length: 7) // end of block
        // Adler-32 of zeros: a stays 1, b adds 1 per byte.
        let adler = UInt32(count % 65521) << 16 | 1
        return [0x78, 0x01] + bits.bytes + bigEndian32(Int(adler))
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func bigEndian32(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    private static func bigEndian16(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    private static func littleEndian16(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
    }
}

/// Packs bits least-significant first, as deflate and GIF's LZW both do.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var used = 8 // bits used in the last byte

    /// Writes the low `count` bits of `value`, lowest first (deflate's header fields and extra bits, LZW codes).
    mutating func write(_ value: UInt32, count: Int) {
        for bit in 0..<count { append(value >> bit & 1) }
    }

    /// Writes a Huffman code, most significant bit first, as deflate stores them.
    mutating func writeCode(_ code: UInt32, length: Int) {
        for bit in (0..<length).reversed() { append(code >> bit & 1) }
    }

    private mutating func append(_ bit: UInt32) {
        if used == 8 {
            bytes.append(0)
            used = 0
        }
        bytes[bytes.count - 1] |= UInt8(bit) << used
        used += 1
    }
}

import Foundation

extension VietnameseDate {
    /// Parses an ISO 8601 date-time that carries an explicit offset or Z ("2023-12-22T10:30:00+07:00", "2023-12-22T03:30:00Z", with or without fractional seconds, also "+0700"); returns nil for anything else, including a date-time without offset, invalid dates like 2023-02-30, or junk.
    public static func parseISO8601(_ text: String) -> Date? {
        // Accepted exactly: YYYY-MM-DDThh:mm:ss[.f…](Z|±hh:mm|±hhmm), with RFC 3339's lowercase "t"/"z" and a decimal
        // comma; seconds are required, no surrounding whitespace, no leap second, offsets up to ±23:59. Hand-written and
        // stateless, so it is thread-safe.
        guard text.utf8.count <= 64 else { return nil }
        var reader = ByteReader(bytes: Array(text.utf8))

        guard let year = reader.number(digits: 4), reader.skip("-"),
            let month = reader.number(digits: 2), reader.skip("-"),
            let day = reader.number(digits: 2), reader.skip("T") || reader.skip("t"),
            let hour = reader.number(digits: 2), reader.skip(":"),
            let minute = reader.number(digits: 2), reader.skip(":"),
            let second = reader.number(digits: 2)
        else { return nil }
        guard (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }

        var fraction = 0.0
        if reader.skip(".") || reader.skip(",") {
            var scale = 0.1
            var digitCount = 0
            while let digit = reader.digit() {
                fraction += Double(digit) * scale
                scale /= 10
                digitCount += 1
            }
            guard digitCount > 0 else { return nil }
        }

        let offset: Int
        if reader.skip("Z") || reader.skip("z") {
            offset = 0
        } else {
            let sign: Int
            if reader.skip("+") {
                sign = 1
            } else if reader.skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let offsetHours = reader.number(digits: 2) else { return nil }
            _ = reader.skip(":")
            guard let offsetMinutes = reader.number(digits: 2), offsetHours <= 23, offsetMinutes <= 59 else {
                return nil
            }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard reader.isAtEnd else { return nil }

        let seconds = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}

/// A cursor over the ASCII bytes of a date string.
private struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    /// Whether every byte has been consumed.
    var isAtEnd: Bool { position == bytes.count }

    /// Consumes `character` if it is next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(character.value) else { return false }
        position += 1
        return true
    }

    /// Consumes one ASCII digit.
    mutating func digit() -> Int? {
        guard position < bytes.count, (0x30...0x39).contains(bytes[position]) else { return nil }
        defer { position += 1 }
        return Int(bytes[position] - 0x30)
    }

    /// Consumes exactly `digits` ASCII digits as a number.
    mutating func number(digits: Int) -> Int? {
        var value = 0
        for _ in 0..<digits {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}

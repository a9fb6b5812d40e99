import Foundation
import NewsText
import Testing

@Suite("VietnameseDate formatting")
struct VietnameseDateTests {
    /// 2023-12-22T03:30:00Z, a Friday, 10:30 in Vietnam.
    static let friday = Date(timeIntervalSince1970: 1_703_215_800)

    @Test("a UTC morning is shown at Vietnam's wall-clock time")
    func formatsFriday() {
        #expect(VietnameseDate.long(Self.friday) == "Thứ Sáu, 22/12/2023 10:30 (GMT+7)")
        #expect(VietnameseDate.shortDate(Self.friday) == "22/12/2023")
        #expect(VietnameseDate.shortDateTime(Self.friday) == "22/12/2023 10:30")
        #expect(VietnameseDate.time(Self.friday) == "10:30")
        #expect(VietnameseDate.iso8601(Self.friday) == "2023-12-22T10:30:00+07:00")
        #expect(VietnameseDate.rfc822(Self.friday) == "Fri, 22 Dec 2023 10:30:00 +0700")
        let day = VietnameseDate.dayComponents(Self.friday)
        #expect(day.year == 2023 && day.month == 12 && day.day == 22 && day.weekday == "Thứ Sáu")
    }

    @Test("late evening UTC is already the next day, month and year in Vietnam")
    func crossesMidnight() {
        let newYear = Date(timeIntervalSince1970: 1_704_043_800)  // 2023-12-31T17:30:00Z
        #expect(VietnameseDate.long(newYear) == "Thứ Hai, 01/01/2024 00:30 (GMT+7)")
        let day = VietnameseDate.dayComponents(newYear)
        #expect(day.year == 2024 && day.month == 1 && day.day == 1 && day.weekday == "Thứ Hai")

        let lastSecond = Date(timeIntervalSince1970: 1_704_041_999)  // 2023-12-31T16:59:59Z
        #expect(VietnameseDate.shortDateTime(lastSecond) == "31/12/2023 23:59")
        #expect(VietnameseDate.iso8601(lastSecond) == "2023-12-31T23:59:59+07:00")
        #expect(VietnameseDate.dayComponents(lastSecond).day == 31)
    }

    @Test("single-digit fields are zero-padded and seconds are shown")
    func padsFields() {
        let date = Date(timeIntervalSince1970: 1_704_398_709)  // 2024-01-04T20:05:09Z
        #expect(VietnameseDate.long(date) == "Thứ Sáu, 05/01/2024 03:05 (GMT+7)")
        #expect(VietnameseDate.iso8601(date) == "2024-01-05T03:05:09+07:00")
        #expect(VietnameseDate.rfc822(date) == "Fri, 05 Jan 2024 03:05:09 +0700")
    }

    @Test("fractions of a second are dropped, not rounded")
    func truncatesFractions() {
        let date = Date(timeIntervalSince1970: 1_703_215_859.999)
        #expect(VietnameseDate.iso8601(date) == "2023-12-22T10:30:59+07:00")
        #expect(VietnameseDate.time(date) == "10:30")
    }

    @Test("dates before 1970 land on the right day")
    func formatsBefore1970() {
        let date = Date(timeIntervalSince1970: -25_201)  // 1969-12-31T16:59:59Z
        #expect(VietnameseDate.iso8601(date) == "1969-12-31T23:59:59+07:00")
        #expect(VietnameseDate.rfc822(date) == "Wed, 31 Dec 1969 23:59:59 +0700")
        #expect(VietnameseDate.iso8601(date.addingTimeInterval(1)) == "1970-01-01T00:00:00+07:00")
    }

    @Test(
        "every weekday has its Vietnamese and English name",
        arguments: zip(
            0..<7,
            [
                ("Chủ Nhật", "Sun"), ("Thứ Hai", "Mon"), ("Thứ Ba", "Tue"), ("Thứ Tư", "Wed"), ("Thứ Năm", "Thu"),
                ("Thứ Sáu", "Fri"), ("Thứ Bảy", "Sat"),
            ]
        )
    )
    func namesWeekdays(_ offset: Int, _ names: (vietnamese: String, english: String)) {
        // 2023-12-17 10:30 in Vietnam was a Sunday.
        let date = Self.friday.addingTimeInterval(Double(offset - 5) * 86_400)
        #expect(VietnameseDate.long(date) == "\(names.vietnamese), \(17 + offset)/12/2023 10:30 (GMT+7)")
        #expect(VietnameseDate.dayComponents(date).weekday == names.vietnamese)
        #expect(VietnameseDate.rfc822(date).hasPrefix("\(names.english), \(17 + offset) Dec 2023"))
    }

    @Test("calendar fields agree with Foundation's Gregorian calendar at a fixed +7 offset, 1900–2100")
    func agreesWithFoundationCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 7 * 3600))
        var generator = SplitMix64(seed: 20_231_222)
        let start = -2_208_988_800.0  // 1900-01-01T00:00:00Z
        let span = 6_311_433_600.0  // to 2100
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: (start + Double(generator.next() % UInt64(span))).rounded(.down))
            let fields = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d+07:00",
                fields.year!, fields.month!, fields.day!, fields.hour!, fields.minute!, fields.second!
            )
            #expect(VietnameseDate.iso8601(date) == expected)
            let day = VietnameseDate.dayComponents(date)
            #expect(
                day.weekday
                    == ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"][fields.weekday! - 1]
            )
        }
    }

    @Test("out-of-range dates are clamped instead of crashing")
    func clampsExtremeDates() {
        #expect(VietnameseDate.iso8601(.distantFuture).hasPrefix("4001-01-01"))
        #expect(VietnameseDate.iso8601(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59+07:00")
        #expect(VietnameseDate.iso8601(Date(timeIntervalSince1970: -1e300)) == "0001-01-01T00:00:00+07:00")
        #expect(VietnameseDate.long(Date(timeIntervalSince1970: .infinity)).hasPrefix("Thứ Sáu, 31/12/9999"))
    }
}

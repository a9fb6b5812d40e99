import Foundation

/// Dates as Vietnamese readers see them, always in Asia/Ho_Chi_Minh (UTC+07:00, no DST since 1975 — use a fixed +7 offset so it does not depend on tzdata being installed).
public enum VietnameseDate {
    // Calendar arithmetic is done by hand on the fixed offset: no Calendar, TimeZone or shared formatter, so every function
    // is thread-safe and cheap. Dates before year 1 or after year 9999 are clamped to those years rather than trapping.

    /// Vietnam's offset from UTC in seconds.
    static let offsetSeconds = 7 * 3600

    /// Weekday names indexed from Sunday.
    static let weekdayNames = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]

    /// The full date line of an article page, "Thứ Sáu, 22/12/2023 10:30 (GMT+7)": weekday, zero-padded day/month, 24-hour time.
    public static func long(_ date: Date) -> String {
        let parts = LocalTime(date)
        return "\(weekdayNames[parts.weekday]), \(parts.dayMonthYear) \(parts.hourMinute) (GMT+7)"
    }

    /// The Vietnam calendar day as "22/12/2023", for bylines and archive lists.
    public static func shortDate(_ date: Date) -> String {
        LocalTime(date).dayMonthYear
    }

    /// Day and 24-hour time in Vietnam as "22/12/2023 10:30", for compact bylines and the CMS.
    public static func shortDateTime(_ date: Date) -> String {
        let parts = LocalTime(date)
        return "\(parts.dayMonthYear) \(parts.hourMinute)"
    }

    /// The 24-hour time in Vietnam as "10:30", for live feeds and "latest news" lists.
    public static func time(_ date: Date) -> String {
        LocalTime(date).hourMinute
    }

    /// ISO 8601 with the +07:00 offset, seconds included: "2023-12-22T10:30:00+07:00" (for <time datetime>, JSON-LD, sitemaps).
    public static func iso8601(_ date: Date) -> String {
        let parts = LocalTime(date)
        return
            "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(parts.hourMinute):\(pad(parts.second))+07:00"
    }

    /// RFC 822 date with +0700 for RSS: "Fri, 22 Dec 2023 10:30:00 +0700".
    public static func rfc822(_ date: Date) -> String {
        let parts = LocalTime(date)
        let weekday = englishWeekdays[parts.weekday]
        let month = englishMonths[parts.month - 1]
        return
            "\(weekday), \(pad(parts.day)) \(month) \(pad(parts.year, 4)) \(parts.hourMinute):\(pad(parts.second)) +0700"
    }

    /// The Gregorian calendar day (year, month, day) in Vietnam for a date, for "today" headers and grouping.
    public static func dayComponents(_ date: Date) -> (year: Int, month: Int, day: Int, weekday: String) {
        let parts = LocalTime(date)
        return (parts.year, parts.month, parts.day, weekdayNames[parts.weekday])
    }

    // MARK: - Calendar arithmetic

    /// English weekday abbreviations indexed from Sunday, as RFC 822 requires.
    private static let englishWeekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    /// English month abbreviations, as RFC 822 requires.
    private static let englishMonths = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// Wall-clock seconds since 1970 of 0001-01-01 00:00:00 and of 9999-12-31 23:59:59, the range dates are clamped to.
    private static let earliestSeconds = -62_135_596_800
    private static let latestSeconds = 253_402_300_799

    /// Wall-clock fields of a date in Vietnam.
    private struct LocalTime {
        let year: Int
        let month: Int
        let day: Int
        let hour: Int
        let minute: Int
        let second: Int
        /// 0 is Sunday.
        let weekday: Int

        init(_ date: Date) {
            let interval = date.timeIntervalSince1970.rounded(.down) + Double(offsetSeconds)
            let local = interval.isNaN ? 0 : Int(min(max(interval, Double(earliestSeconds)), Double(latestSeconds)))
            let days = local.floorDivided(by: 86_400)
            let secondOfDay = local - days * 86_400
            (year, month, day) = civil(fromDays: days)
            hour = secondOfDay / 3600
            minute = secondOfDay % 3600 / 60
            second = secondOfDay % 60
            // 1970-01-01 was a Thursday.
            weekday = (days + 4).floorModulo(7)
        }

        var dayMonthYear: String { "\(pad(day))/\(pad(month))/\(pad(year, 4))" }
        var hourMinute: String { "\(pad(hour)):\(pad(minute))" }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear.floorDivided(by: 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Number of days in a month of the proleptic Gregorian calendar.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return isLeap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// Zero-pads a non-negative number to `width` digits.
    private static func pad(_ number: Int, _ width: Int = 2) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Int {
    /// Division rounding towards negative infinity, so dates before 1970 land on the right day.
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// Remainder with the sign of the divisor.
    fileprivate func floorModulo(_ divisor: Int) -> Int {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}

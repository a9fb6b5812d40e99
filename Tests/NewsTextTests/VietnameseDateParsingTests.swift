import Foundation
import NewsText
import Testing

@Suite("VietnameseDate.parseISO8601")
struct VietnameseDateParsingTests {
    @Test(
        "date-times with an offset or Z parse to the right instant",
        arguments: [
            ("2023-12-22T10:30:00+07:00", 1_703_215_800.0),
            ("2023-12-22T03:30:00Z", 1_703_215_800.0),
            ("2023-12-22T03:30:00z", 1_703_215_800.0),
            ("2023-12-22T10:30:00+0700", 1_703_215_800.0),
            ("2023-12-22T05:00:00-05:30", 1_703_241_000.0),
            ("2023-12-22T03:30:00+00:00", 1_703_215_800.0),
            ("2023-12-22T03:30:00-00:00", 1_703_215_800.0),
            ("2023-12-22T10:30:00.5+07:00", 1_703_215_800.5),
            ("2023-12-22T03:30:00.250Z", 1_703_215_800.25),
            ("2023-12-22T03:30:00,25Z", 1_703_215_800.25),
            ("2024-02-29T00:00:00Z", 1_709_164_800.0),
            ("1969-12-31T23:59:59+07:00", -25_201.0),
        ]
    )
    func parsesValid(_ text: String, _ seconds: Double) throws {
        let date = try #require(VietnameseDate.parseISO8601(text))
        #expect(date.timeIntervalSince1970 == seconds)
    }

    @Test("many fractional digits are accepted")
    func parsesLongFraction() throws {
        let date = try #require(VietnameseDate.parseISO8601("2023-12-22T03:30:00.123456789Z"))
        #expect(abs(date.timeIntervalSince1970 - 1_703_215_800.123456789) < 1e-6)
    }

    @Test(
        "anything else is nil",
        arguments: [
            "2023-12-22T10:30:00", "2023-12-22T10:30", "2023-12-22", "2023-12-22T10:30+07:00", "2023-02-30T10:00:00Z",
            "2023-02-29T10:00:00Z", "2100-02-29T00:00:00Z", "2023-04-31T00:00:00Z", "2023-13-01T00:00:00Z",
            "2023-00-10T00:00:00Z", "2023-12-00T00:00:00Z", "2023-12-22T24:00:00Z", "2023-12-22T10:60:00Z",
            "2023-12-22T10:30:60Z", "2023-12-22T10:30:00.Z", "2023-12-22T10:30:00+07", "2023-12-22T10:30:00+7:00",
            "2023-12-22T10:30:00+24:00", "2023-12-22T10:30:00+07:60", "2023-12-22T10:30:00+07:00 ",
            " 2023-12-22T10:30:00Z",
            "2023-12-22 10:30:00Z", "23-12-22T10:30:00Z", "2023-1-22T10:30:00Z", "2023-12-22T10:30:00ZZ",
            "２０２３-12-22T10:30:00Z", "junk", "", "Fri, 22 Dec 2023 10:30:00 +0700", "22/12/2023 10:30",
        ]
    )
    func rejectsInvalid(_ text: String) {
        #expect(VietnameseDate.parseISO8601(text) == nil)
    }

    @Test("iso8601 output parses back to the same second")
    func roundTrips() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let date = Date(timeIntervalSince1970: Double(Int64(generator.next() % 8_000_000_000) - 2_000_000_000))
            let parsed = try #require(VietnameseDate.parseISO8601(VietnameseDate.iso8601(date)))
            #expect(parsed == date)
        }
    }

    @Test("parsing is safe from many tasks at once")
    func parsesConcurrently() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let text = "2023-12-22T10:30:\(String(format: "%02d", index % 60))+07:00"
                    return VietnameseDate.parseISO8601(text)?.timeIntervalSince1970 == 1_703_215_800.0
                        + Double(index % 60)
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 })
    }
}

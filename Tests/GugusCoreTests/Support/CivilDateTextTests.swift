import Foundation
import Testing
@testable import GugusCore

/// Dates and times are written with leading zeros (`2024-07-05`, `09:05`) in pages, feeds,
/// the calendar and open data; the digits are written in place, checked here against
/// `String(format:)`.
@Suite struct CivilDateTextTests {
    @Test func everyDayOfSomeYearsReadsAsYearMonthDay() throws {
        for year in [1, 9, 10, 99, 100, 999, 1000, 2000, 2024, 9999] {
            for month in 1...12 {
                for day in 1...CivilDate.daysIn(month: month, year: year) {
                    let date = try #require(CivilDate(year: year, month: month, day: day))
                    #expect(date.description == String(format: "%04d-%02d-%02d", year, month, day))
                    #expect(CivilDate(iso: date.description) == date)
                }
            }
        }
    }

    @Test func padWritesAtLeastTheWidthAndNeverCutsDigits() {
        for value in [0, 1, 7, 9, 10, 59, 99, 100, 123, 999, 1000, 12345, 1_000_000, Int.max] {
            for width in 0...5 {
                #expect(CivilDate.pad(value, width) == String(format: "%0\(width)ld", value), "pad(\(value), \(width))")
            }
        }
        #expect(CivilDate.pad(-5, 3) == "0-5")  // as before: negative numbers are not written in place
    }

    @Test func timesOfDayAndCompactDatesKeepTheirZeros() throws {
        let date = try #require(CivilDate(year: 2024, month: 7, day: 5))
        #expect(LocalDateTime(date: date, minutes: 9 * 60 + 5).description == "2024-07-05T09:05")
        #expect(date.compact == "20240705")
    }
}

import Foundation

/// Time zone arithmetic for the site's `time_zone` (IANA names such as Asia/Makassar).
public enum TimeZoneInfo {
    /// Seconds east of UTC on a date, or nil for an unknown zone.
    public static func offset(for identifier: String, on date: CivilDate? = nil) -> Int? {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        guard let date else { return zone.secondsFromGMT() }
        return zone.secondsFromGMT(for: foundationDate(date))
    }

    /// Indonesia's names for its zones: WIB, WITA, WIT; nil for other zones.
    public static func abbreviation(for identifier: String) -> String? {
        ["Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"][identifier]
    }

    /// `+08:00`
    public static func offsetText(seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return "\(sign)\(CivilDate.pad(minutes / 60, 2)):\(CivilDate.pad(minutes % 60, 2))"
    }

    /// Today's date in a time zone (the default for `--now`).
    public static func today(in identifier: String) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year ?? 2024, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? .fallback
    }

    static func foundationDate(_ date: CivilDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
    }
}

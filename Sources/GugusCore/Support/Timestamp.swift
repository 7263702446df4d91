/// Dates and times as machine formats, in the site's time zone.
enum Timestamp {
    /// RFC 3339 (Atom, JSON-LD, sitemaps): `2024-07-25T09:00:00+08:00`; a date without a
    /// time is taken at midnight.
    static func rfc3339(_ value: LocalDateTime, zone: String) -> String {
        let minutes = value.minutes ?? 0
        let offset = TimeZoneInfo.offset(for: zone, on: value.date) ?? 0
        return "\(value.date)T\(CivilDate.pad(minutes / 60, 2)):\(CivilDate.pad(minutes % 60, 2)):00" + TimeZoneInfo.offsetText(seconds: offset)
    }

    static func rfc3339(_ date: CivilDate, zone: String) -> String {
        rfc3339(LocalDateTime(date: date), zone: zone)
    }

    /// ISO 8601 for schema.org: a date alone stays a date, a time carries its offset.
    static func schemaDate(_ value: LocalDateTime, zone: String) -> String {
        value.hasTime ? rfc3339(value, zone: zone) : value.date.description
    }
}

extension CivilDate {
    /// The next day (for iCalendar's exclusive end of all-day events).
    var nextDay: CivilDate {
        if day < CivilDate.daysIn(month: month, year: year) { return CivilDate(year: year, month: month, day: day + 1) ?? self }
        if month < 12 { return CivilDate(year: year, month: month + 1, day: 1) ?? self }
        return CivilDate(year: year + 1, month: 1, day: 1) ?? self
    }

    /// `20240725`
    var compact: String { CivilDate.pad(year, 4) + CivilDate.pad(month, 2) + CivilDate.pad(day, 2) }
}

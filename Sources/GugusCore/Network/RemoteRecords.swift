/// What the network pages take from another site's open data, after checking each record.
/// Every text is cleaned of control characters; every address is `http(s)` on the
/// source's own host.

/// A decree of `/data/regulasi.json` (JDIHN's field names).
public struct RemoteDecree: Sendable, Hashable {
    public var number: String
    public var title: String
    public var kind: String?
    public var date: CivilDate
    /// `Berlaku`, `Diubah`, `Dicabut` (or the portal's own word).
    public var status: String?
    public var regionCode: String?
    public var place: String?
    public var issuer: String?
    /// The official page (`urlDetailPeraturan`).
    public var url: String
}

/// An event of `/data/kegiatan.json`.
public struct RemoteEvent: Sendable, Hashable {
    public var id: String
    public var title: String
    public var kind: String
    public var start: RemoteTime
    public var end: RemoteTime?
    public var location: String?
    public var regionCode: String?
    public var regionName: String?
    /// `scheduled`, `cancelled`, `postponed`, `moved-online`.
    public var status: String?
    public var organizer: String?
    public var url: String
}

/// What a Gugus site says about itself in `/data/situs.json`.
public struct RemoteSite: Sendable, Hashable {
    public struct Hotline: Sendable, Hashable {
        public var name: String
        public var phone: String?
        public var whatsapp: String?
        public var url: String?
        public var hours: String?
    }

    public var title: String?
    public var organization: String?
    public var regionCode: String?
    public var regionName: String?
    public var regionLevel: String?
    public var provinceCode: String?
    public var provinceName: String?
    public var hotlines: [Hotline] = []
    public var url: String?
}

/// A time as open data writes it: `2024-07-25`, or `2024-07-25T09:00:00+08:00` (the offset
/// may be missing; then the record's `zonaWaktu`, or the site's zone, gives it).
public struct RemoteTime: Sendable, Hashable, Comparable {
    public var date: CivilDate
    /// Minutes after midnight in the event's own zone, or nil for a whole day.
    public var minutes: Int?
    /// Minutes east of UTC.
    public var offset: Int

    /// Minutes since 1970-01-01 UTC (a whole day counts from its midnight).
    public var instant: Int { date.dayNumber * 1440 + (minutes ?? 0) - offset }

    public static func < (lhs: RemoteTime, rhs: RemoteTime) -> Bool {
        (lhs.instant, lhs.minutes ?? -1) < (rhs.instant, rhs.minutes ?? -1)
    }

    /// The local date and time, for display in the event's own zone.
    public var local: LocalDateTime { LocalDateTime(date: date, minutes: minutes) }

    /// `WIB`, `WITA`, `WIT`, or `UTC+05:30`.
    public var zoneLabel: String {
        switch offset {
        case 420: return "WIB"
        case 480: return "WITA"
        case 540: return "WIT"
        default: return "UTC" + TimeZoneInfo.offsetText(seconds: offset * 60)
        }
    }

    /// `20240725T010000Z` (UTC), for iCalendar.
    public var utcStamp: String {
        let total = instant
        let days = total >= 0 ? total / 1440 : (total - 1439) / 1440
        let minute = total - days * 1440
        let day = CivilDate(dayNumber: days)
        return day.compact + "T" + CivilDate.pad(minute / 60, 2) + CivilDate.pad(minute % 60, 2) + "00Z"
    }

    public init(date: CivilDate, minutes: Int?, offset: Int) {
        self.date = date
        self.minutes = minutes
        self.offset = offset
    }

    /// Parses the forms above; `defaultOffset` in minutes.
    public init?(_ text: String, defaultOffset: Int) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let date = CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        guard bytes.count > 10 else {
            self.init(date: date, minutes: nil, offset: defaultOffset)
            return
        }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes.count >= 16, bytes[13] == UInt8(ascii: ":"),
            let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60 else { return nil }
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard number(17..<19) != nil else { return nil }
            index = 19
            // Fractions of a second.
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            }
        }
        var offset = defaultOffset
        if index < bytes.count {
            if bytes[index] == UInt8(ascii: "Z") && index + 1 == bytes.count {
                offset = 0
            } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
                bytes[index + 3] == UInt8(ascii: ":"), let hours = number(index + 1..<index + 3), let minutes = number(index + 4..<index + 6),
                hours <= 14, minutes < 60 {
                offset = (hours * 60 + minutes) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        self.init(date: date, minutes: hour * 60 + minute, offset: offset)
    }
}

extension CivilDate {
    /// Days since 1970-01-01 (negative before).
    var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    init(dayNumber days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self = CivilDate(year: year, month: month, day: day) ?? .fallback
    }
}

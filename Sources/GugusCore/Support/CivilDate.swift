/// A calendar date without a time zone, as written in front matter: `2024-07-25`.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 2000-01-01, for the rare place that needs some date when none could be read.
    public static let fallback = CivilDate(valid: 2000, 1, 1)

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
            let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
            let day = Self.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2024-07-25` (ten bytes written in place: a string this short needs no memory of its
    /// own, and every page, feed entry and list entry asks for dates).
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            Self.writeDigits(year, into: buffer, at: 0, width: 4)
            buffer[4] = UInt8(ascii: "-")
            Self.writeDigits(month, into: buffer, at: 5, width: 2)
            buffer[7] = UInt8(ascii: "-")
            Self.writeDigits(day, into: buffer, at: 8, width: 2)
            return 10
        }
    }

    /// 0 = Sunday … 6 = Saturday (Zeller-style, proleptic Gregorian).
    public var weekday: Int {
        let table = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + table[month - 1] + day) % 7
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The number with zeros in front up to `width` digits: `pad(7, 2)` is `07`.
    static func pad(_ value: Int, _ width: Int) -> String {
        guard value >= 0 else {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        count = max(count, width)
        return String(unsafeUninitializedCapacity: count) { buffer in
            writeDigits(value, into: buffer, at: 0, width: count)
            return count
        }
    }

    /// Writes the last `width` decimal digits of a number that is not negative.
    private static func writeDigits(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int, width: Int) {
        var rest = value
        for position in stride(from: start + width - 1, through: start, by: -1) {
            buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }
}

/// A date with an optional time of day in the site's time zone: `2024-07-25T09:00`.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: CivilDate
    /// Minutes after midnight, or nil when only a date was given.
    public let minutes: Int?

    public init(date: CivilDate, minutes: Int? = nil) {
        self.date = date
        self.minutes = minutes
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM`.
    public init?(iso text: some StringProtocol) {
        let string = String(text)
        if let date = CivilDate(iso: string) {
            self.init(date: date)
            return
        }
        let bytes = Array(string.utf8)
        guard bytes.count == 16, bytes[10] == 0x54 || bytes[10] == 0x20, bytes[13] == 0x3A,
            let date = CivilDate(iso: string.prefix(10)),
            let hour = CivilDate.number(bytes[11..<13]), let minute = CivilDate.number(bytes[14..<16]),
            hour < 24, minute < 60
        else { return nil }
        self.init(date: date, minutes: hour * 60 + minute)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.minutes ?? -1) < (rhs.date, rhs.minutes ?? -1)
    }

    public var hasTime: Bool { minutes != nil }

    /// `HH:MM`, or nil without a time.
    public var timeText: String? {
        guard let minutes else { return nil }
        return "\(CivilDate.pad(minutes / 60, 2)):\(CivilDate.pad(minutes % 60, 2))"
    }

    /// `2024-07-25` or `2024-07-25T09:00`.
    public var description: String {
        guard let timeText else { return date.description }
        return "\(date)T\(timeText)"
    }
}

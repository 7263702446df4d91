/// Dates, sizes and labels in the site's language, from the theme's interface strings.
struct Formatter: Sendable {
    let strings: [String: String]
    private let months: [String]
    private let weekdays: [String]

    init(strings: [String: String]) {
        self.strings = strings
        months = (strings["months"] ?? "").split(separator: ",").map { String($0).trimmingSpaces }
        weekdays = (strings["weekdays"] ?? "").split(separator: ",").map { String($0).trimmingSpaces }
    }

    func text(_ key: String) -> String { strings[key] ?? key }

    /// `Juli` for 7.
    func monthName(_ month: Int) -> String {
        months.count == 12 && (1...12).contains(month) ? months[month - 1] : CivilDate.pad(month, 2)
    }

    /// `25 Juli 2024`
    func date(_ date: CivilDate) -> String {
        let month = months.count == 12 ? months[date.month - 1] : CivilDate.pad(date.month, 2)
        return "\(date.day) \(month) \(date.year)"
    }

    /// `Selasa, 23 Mei 2023`
    func dateWithWeekday(_ date: CivilDate) -> String {
        let formatted = self.date(date)
        return weekdays.count == 7 ? "\(weekdays[date.weekday]), \(formatted)" : formatted
    }

    /// `Kamis, 25 Juli 2024, 09:00 – Jumat, 26 Juli 2024` and the like.
    func span(_ start: LocalDateTime, _ end: LocalDateTime?) -> String {
        var text = dateWithWeekday(start.date)
        if let time = start.timeText { text += ", \(time)" }
        guard let end else { return text }
        if end.date == start.date {
            if let time = end.timeText { text += "–\(time)" }
        } else {
            text += " – " + dateWithWeekday(end.date)
            if let time = end.timeText { text += ", \(time)" }
        }
        if start.hasTime, let zone = strings["time_zone_label"], !zone.isEmpty { text += " \(zone)" }
        return text
    }

    /// `12 KB`, `1,4 MB`
    func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        let separator = strings["decimal_separator"] ?? ","
        return "\(tenths / 10)\(separator)\(tenths % 10) MB"
    }

    /// A number for display with the site's separators: `1.234` in Indonesian.
    func number(_ text: String) -> String {
        // Whole numbers of ASCII digits (most cells of a table) grouped byte by byte.
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            let grouping = Array((strings["thousands_separator"] ?? ".").utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count * 2)
            let count = text.utf8.count
            for (index, digit) in text.utf8.enumerated() {
                if index > 0 && (count - index) % 3 == 0 { bytes += grouping }
                bytes.append(digit)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let value = Double(text) else { return text }
        let grouping = strings["thousands_separator"] ?? "."
        let decimal = strings["decimal_separator"] ?? ","
        let negative = value < 0
        let parts = text.trimmingSpaces.drop { $0 == "-" || $0 == "+" }.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first, whole.allSatisfy(\.isNumber) else { return text }
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(contentsOf: grouping.reversed()) }
            grouped.append(digit)
        }
        var result = (negative ? "-" : "") + String(grouped.reversed())
        if parts.count == 2 { result += decimal + parts[1] }
        return result
    }
}

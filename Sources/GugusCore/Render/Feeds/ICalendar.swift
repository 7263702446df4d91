/// iCalendar (RFC 5545): every event in `/kegiatan/kalender.ics`, and one file per event
/// (`/kegiatan/<slug>.ics`) for an "add to calendar" link.
enum ICalendar {
    static func calendar(_ events: [ResolvedEvent], name: String, site: Site) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Gugus//Gugus static site generator//ID", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + text(name), "X-WR-TIMEZONE:" + site.config.timeZone,
        ]
        lines += timeZone(site)
        for event in events { lines += self.event(event, site: site) }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A VTIMEZONE for the site's zone. Indonesia's zones have kept one offset without
    /// daylight saving since 1988, so one STANDARD rule describes them.
    static func timeZone(_ site: Site) -> [String] {
        let zone = site.config.timeZone
        let offset = TimeZoneInfo.offset(for: zone, on: site.now) ?? 0
        let compact = TimeZoneInfo.offsetText(seconds: offset).replacingOccurrences(of: ":", with: "")
        let name = TimeZoneInfo.abbreviation(for: zone) ?? compact
        return [
            "BEGIN:VTIMEZONE", "TZID:" + zone, "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:" + compact, "TZOFFSETTO:" + compact, "TZNAME:" + name, "END:STANDARD", "END:VTIMEZONE",
        ]
    }

    static func event(_ event: ResolvedEvent, site: Site) -> [String] {
        let fields = event.fields
        let zone = site.config.timeZone
        let host = site.config.baseURL.split(separator: "/").dropFirst().first.map(String.init) ?? "gugus"
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + text("\(event.item.slug)@\(host)"),
            // The build date, so that two builds with the same --now give the same bytes.
            "DTSTAMP:" + site.now.compact + "T000000Z",
        ]
        if fields.start.hasTime {
            lines.append("DTSTART;TZID=\(zone):" + dateTime(fields.start))
            if let end = fields.end {
                lines.append(end.hasTime ? "DTEND;TZID=\(zone):" + dateTime(end) : "DTEND;TZID=\(zone):" + end.date.nextDay.compact + "T000000")
            }
        } else {
            lines.append("DTSTART;VALUE=DATE:" + fields.start.date.compact)
            // All-day events end the day after their last day (the end is exclusive).
            lines.append("DTEND;VALUE=DATE:" + (fields.end?.date ?? fields.start.date).nextDay.compact)
        }
        lines.append("SUMMARY:" + text(event.item.title))
        if let location = fields.location { lines.append("LOCATION:" + text(location)) }
        var description = event.item.common.summary ?? ""
        if let online = fields.onlineURL { description += (description.isEmpty ? "" : "\n") + online }
        if !description.isEmpty { lines.append("DESCRIPTION:" + text(description)) }
        lines.append("URL:" + site.config.baseURL + event.url)
        lines.append("STATUS:" + (fields.status == "cancelled" ? "CANCELLED" : fields.status == "postponed" ? "TENTATIVE" : "CONFIRMED"))
        lines.append("CATEGORIES:" + text(fields.kind))
        if let organizer = fields.organizer { lines.append("ORGANIZER;CN=\(parameter(organizer)):" + organizerAddress(site)) }
        lines.append("END:VEVENT")
        return lines
    }

    static func dateTime(_ value: LocalDateTime) -> String {
        let minutes = value.minutes ?? 0
        return value.date.compact + "T" + CivilDate.pad(minutes / 60, 2) + CivilDate.pad(minutes % 60, 2) + "00"
    }

    static func organizerAddress(_ site: Site) -> String {
        site.config.organization?.email.map { "mailto:" + $0 } ?? site.config.baseURL
    }

    /// TEXT values: backslash, semicolon, comma and line ends escaped (RFC 5545 3.3.11),
    /// other control characters dropped.
    static func text(_ value: String) -> String {
        // Most texts need no escape: one pass over the bytes says so.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }) {
            return value
        }
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A parameter value (`CN=`): quoted, without quotes or control characters inside.
    static func parameter(_ value: String) -> String {
        "\"" + String(value.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)) + "\""
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside
    /// a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var line = line
        return line.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 37 * 3 + 3)
            var count = 0
            var limit = 75
            var index = 0
            while index < bytes.count {
                // (A String is valid UTF-8: its lead byte gives the length of a scalar.)
                let lead = bytes[index]
                let end = min(bytes.count, index + (lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4))
                if count + end - index > limit {
                    result += [0x0D, 0x0A, 0x20]
                    count = 0
                    limit = 74
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                count += end - index
                index = end
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}

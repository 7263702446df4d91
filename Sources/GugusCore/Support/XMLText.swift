/// Text for XML output (Atom feeds, sitemaps, SVG charts).
enum XMLText {
    /// Escapes markup characters and drops characters XML 1.0 does not allow (control
    /// characters other than tab and line ends), which a YAML escape could bring in.
    static func escape(_ text: String) -> String {
        // Most text needs nothing: markup characters, control characters and the bytes that
        // start U+0080–U+009F (0xC2) or U+FFFE/U+FFFF (0xEF) send it the long way.
        let needsWork = text.utf8.contains { byte in
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F, 0xC2, 0xEF: true
            case 0x09, 0x0A, 0x0D: false
            default: byte < 0x20
            }
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `<name>text</name>`, escaped.
    static func element(_ name: String, _ text: String, attributes: String = "") -> String {
        "<\(name)\(attributes)>\(escape(text))</\(name)>"
    }
}

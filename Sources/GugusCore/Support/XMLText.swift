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
        // Byte by byte: every character handled here is ASCII, or a whole UTF-8 sequence
        // recognised by its bytes (U+0080–U+009F: C2 80–9F; U+FFFE, U+FFFF: EF BF BE/BF).
        var source = text
        return source.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 64)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x26: result.append(contentsOf: "&amp;".utf8)
                case 0x3C: result.append(contentsOf: "&lt;".utf8)
                case 0x3E: result.append(contentsOf: "&gt;".utf8)
                case 0x22: result.append(contentsOf: "&quot;".utf8)
                case 0x27: result.append(contentsOf: "&apos;".utf8)
                case 0x09, 0x0A, 0x0D: result.append(byte)
                case 0x00..<0x20, 0x7F: break
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    index += 1
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    index += 2
                default: result.append(byte)
                }
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `<name>text</name>`, escaped.
    static func element(_ name: String, _ text: String, attributes: String = "") -> String {
        "<\(name)\(attributes)>\(escape(text))</\(name)>"
    }
}

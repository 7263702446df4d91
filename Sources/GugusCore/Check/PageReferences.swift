import Foundation

/// What a rendered page offers and points to: the places a link can reach (`id`s, and the
/// `name`s of `<a>` elements) and the addresses it uses (`href`, `src`, every candidate of a
/// `srcset`). Read by the render stage as each page is made, when `gugus check` asks.
///
/// The attributes are read as an HTML parser tokenizes them (a theme may quote with `"`,
/// `'` or not at all, and write names in any case); comments, doctypes and the text of
/// `<script>`, `<style>`, `<textarea>` and `<title>` are skipped.
public struct PageReferences: Sendable, Equatable {
    public var ids: Set<String> = []
    public var links: [String] = []

    public init(ids: Set<String> = [], links: [String] = []) {
        self.ids = ids
        self.links = links
    }

    public init(html: String) {
        self = Self.read(Array(html.utf8))
    }

    init(html: Data) {
        self = Self.read([UInt8](html))
    }

    private static let rawTextElements: Set<[UInt8]> = [Array("script".utf8), Array("style".utf8), Array("textarea".utf8), Array("title".utf8)]

    static func read(_ bytes: [UInt8]) -> PageReferences {
        var found = PageReferences()
        var reader = TagReader(bytes: bytes)
        while let tag = reader.nextStartTag() {
            for (name, value) in tag.attributes {
                switch name {
                case "id": found.ids.insert(value)
                case "name" where tag.name == Array("a".utf8): found.ids.insert(value)
                case "href", "src": found.links.append(value)
                case "srcset": found.links += HTMLText.candidates(ofSrcset: value)
                default: break
                }
            }
            if rawTextElements.contains(tag.name) { reader.skipRawText(until: tag.name) }
        }
        return found
    }
}

/// Start tags and their attributes, in the order of the text (HTML's tokenizer, reduced to
/// what a link checker needs).
struct TagReader {
    struct StartTag {
        /// Lower-cased.
        var name: [UInt8]
        /// Names lower-cased, values with character references decoded; the first of a
        /// repeated name wins, as in HTML.
        var attributes: [(String, String)]
    }

    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    mutating func nextStartTag() -> StartTag? {
        while position < bytes.count {
            guard bytes[position] == 0x3C, position + 1 < bytes.count else {
                position += 1
                continue
            }
            let next = bytes[position + 1]
            if next == 0x21 {  // <!-- comment --> or <!DOCTYPE …>
                if matches("<!--", at: position) {
                    position = find(Array("-->".utf8), from: position + 4).map { $0 + 3 } ?? bytes.count
                } else {
                    position = find([0x3E], from: position + 2).map { $0 + 1 } ?? bytes.count
                }
            } else if next == 0x2F || next == 0x3F {  // </end> or <?…>
                position = find([0x3E], from: position + 2).map { $0 + 1 } ?? bytes.count
            } else if Self.isLetter(next) {
                position += 1
                return readTag()
            } else {
                position += 1
            }
        }
        return nil
    }

    /// After a raw-text element's start tag: on past its end tag.
    mutating func skipRawText(until name: [UInt8]) {
        while let start = find([0x3C, 0x2F], from: position) {
            var index = start + 2
            var same = true
            for byte in name {
                guard index < bytes.count, Self.lowered(bytes[index]) == byte else {
                    same = false
                    break
                }
                index += 1
            }
            if same, index >= bytes.count || Self.isSpace(bytes[index]) || bytes[index] == 0x3E || bytes[index] == 0x2F {
                position = start
                return
            }
            position = start + 2
        }
        position = bytes.count
    }

    private mutating func readTag() -> StartTag {
        var name: [UInt8] = []
        while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != 0x3E, bytes[position] != 0x2F {
            name.append(Self.lowered(bytes[position]))
            position += 1
        }
        var attributes: [(String, String)] = []
        var seen: Set<String> = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x3E {
                position += 1
                break
            }
            if Self.isSpace(byte) || byte == 0x2F {
                position += 1
                continue
            }
            // A name runs to white space, `/`, `>` or `=` (a leading `=` belongs to it).
            var attribute: [UInt8] = [Self.lowered(byte)]
            position += 1
            while position < bytes.count {
                let next = bytes[position]
                if Self.isSpace(next) || next == 0x2F || next == 0x3E || next == 0x3D { break }
                attribute.append(Self.lowered(next))
                position += 1
            }
            skipSpaces()
            var value: [UInt8] = []
            if position < bytes.count, bytes[position] == 0x3D {
                position += 1
                skipSpaces()
                if position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27 {
                    let quote = bytes[position]
                    let end = find([quote], from: position + 1) ?? bytes.count
                    value = Array(bytes[(position + 1)..<end])
                    position = min(end + 1, bytes.count)
                } else {
                    while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != 0x3E {
                        value.append(bytes[position])
                        position += 1
                    }
                }
            }
            let key = String(decoding: attribute, as: UTF8.self)
            if seen.insert(key).inserted {
                attributes.append((key, HTMLText.decode(String(decoding: value, as: UTF8.self))))
            }
        }
        return StartTag(name: name, attributes: attributes)
    }

    private mutating func skipSpaces() {
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
    }

    private func matches(_ text: String, at index: Int) -> Bool {
        var index = index
        for byte in text.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start < bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == first, needle.count == 1 || Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}

import Mustache

/// The template engine's HTML escaping, byte by byte: the same five replacements as
/// swift-mustache's own `HTML` content type (`< > & " '`), which walks `Character`s and
/// took a seventh of the render time. Every theme template is read with this type.
struct FastHTMLContentType: MustacheContentType {
    static let name = "GUGUS_HTML"
    /// Put in front of every template, on its first line.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    func escapeText(_ text: String) -> String {
        var text = text
        // Most values need no escape: found by scanning the string's own bytes.
        guard text.withUTF8({ $0.contains { Self.needsEscape($0) } }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        text.withUTF8 { Self.escaped($0) { bytes.append(contentsOf: $0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The escaped text's UTF-8 bytes at the end of a page (the same bytes as `escapeText`).
    func appendEscaped(_ text: String, to page: inout PageBytes) {
        text.withUTF8InPlace { Self.escaped($0) { page.append($0) } }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }

    /// The bytes with `< > & " '` replaced by their entities, given to `emit` in runs.
    private static func escaped(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeRawBufferPointer) -> Void) {
        var start = 0
        for index in bytes.indices {
            let entity: StaticString
            switch bytes[index] {
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x26: entity = "&amp;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            if start < index { emit(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<index]))) }
            entity.withUTF8Buffer { emit(UnsafeRawBufferPointer($0)) }
            start = index + 1
        }
        if start < bytes.count { emit(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...]))) }
    }

    /// Registers the type with the template engine (once, before any template is read).
    static let registered: Bool = {
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
        return true
    }()
}

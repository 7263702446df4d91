/// Draws many list entries with one partial, fast: the partial is rendered once for each
/// set of fields an entry may have (with a marker in place of each value), and each entry
/// is then the marked text with its own values written in, escaped as the template escapes
/// them. Each set is checked against the template engine with a probe value and with the
/// first entry drawn, and falls back to the engine for good if they differ (a theme's
/// partial that does more with a value than show it: a transform, a lambda). Values are text that is
/// never empty (empty values are left out), so a section shows exactly when its value is there.
///
/// The template engine spent about 35 µs on each entry of a national site's network pages
/// (67,000 entries: a third of its build), most of it asking each value which protocols it
/// conforms to.
struct EntryStamp {
    private enum Piece {
        case text(String)
        case value(field: Int, escaped: Bool)
    }

    private enum Variant {
        case stamped([Piece], checked: Bool)
        case engine
    }

    private let fields: [String]
    private let template: String
    private let render: (TemplateValues, String) -> String
    private var variants: [Int: Variant] = [:]

    /// `fields`: every name an entry may have (at most 16).
    init(template: String, fields: [String], render: @escaping (TemplateValues, String) -> String) {
        self.template = template
        self.fields = Array(fields.prefix(16))
        self.render = render
    }

    // Private-use characters no text of a site has, and `&` to tell escaped values apart.
    private static let open: Unicode.Scalar = "\u{F8F0}", close: Unicode.Scalar = "\u{F8F1}", first: UInt32 = 0xF8C0

    private static func marker(_ field: Int) -> String {
        var marker = String.UnicodeScalarView()
        marker.append(open)
        marker.append(Unicode.Scalar(first + UInt32(field)) ?? open)
        marker.append("&")
        marker.append(close)
        return String(marker)
    }

    mutating func draw(_ given: [String: String]) -> String {
        // An empty value counts as absent (for the stamp and the engine alike).
        let values = given.contains { $0.value.isEmpty } ? given.filter { !$0.value.isEmpty } : given
        var mask = 0
        for (index, name) in fields.enumerated() where values[name] != nil { mask |= 1 << index }
        let variant = variants[mask] ?? stamp(mask)
        switch variant {
        case .engine:
            return render(TemplateValues(values), template)
        case let .stamped(pieces, checked):
            let text = fill(pieces, values)
            if checked { return text }
            let engine = render(TemplateValues(values), template)
            variants[mask] = engine == text ? .stamped(pieces, checked: true) : .engine
            return engine
        }
    }

    private func fill(_ pieces: [Piece], _ values: [String: String]) -> String {
        var text = ""
        let escaping = FastHTMLContentType()
        for piece in pieces {
            switch piece {
            case let .text(part): text += part
            case let .value(field, escaped):
                let value = values[fields[field]] ?? ""
                text += escaped ? escaping.escapeText(value) : value
            }
        }
        return text
    }

    /// The partial rendered with markers, cut into text and values; `.engine` when the
    /// markers do not come out whole.
    private mutating func stamp(_ mask: Int) -> Variant {
        var marked: [String: Any] = [:]
        for (index, name) in fields.enumerated() where mask & (1 << index) != 0 { marked[name] = Self.marker(index) }
        let output = render(TemplateValues(marked), template)
        var pieces: [Piece] = []
        var text = String.UnicodeScalarView()
        var scalars = output.unicodeScalars[...]
        while let scalar = scalars.first {
            scalars.removeFirst()
            guard scalar == Self.open else {
                text.append(scalar)
                continue
            }
            // ⟨open⟩⟨field⟩&⟨close⟩, or ⟨open⟩⟨field⟩&amp;⟨close⟩ when escaped.
            guard let code = scalars.first, code.value >= Self.first, Int(code.value - Self.first) < fields.count,
                mask & (1 << Int(code.value - Self.first)) != 0 else { return remember(mask, .engine) }
            scalars.removeFirst()
            let rest = String(String.UnicodeScalarView(scalars.prefix(6)))
            let escaped: Bool
            if rest.hasPrefix("&" + String(Character(Self.close))) {
                escaped = false
                scalars.removeFirst(2)
            } else if rest.hasPrefix("&amp;" + String(Character(Self.close))) {
                escaped = true
                scalars.removeFirst(6)
            } else {
                return remember(mask, .engine)
            }
            pieces.append(.text(String(text)))
            text = String.UnicodeScalarView()
            pieces.append(.value(field: Int(code.value - Self.first), escaped: escaped))
        }
        pieces.append(.text(String(text)))
        // A probe with letters of both cases and every character that is escaped: a partial
        // that transforms a value (upper-cases it, say) differs from the stamp here, whatever
        // the entries' own values are.
        var probe: [String: String] = [:]
        for (index, name) in fields.enumerated() where mask & (1 << index) != 0 { probe[name] = "aZ<&>\"' é\(index)" }
        guard fill(pieces, probe) == render(TemplateValues(probe), template) else { return remember(mask, .engine) }
        return remember(mask, .stamped(pieces, checked: false))
    }

    private mutating func remember(_ mask: Int, _ variant: Variant) -> Variant {
        variants[mask] = variant
        return variant
    }
}

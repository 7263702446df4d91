import Mustache

/// Renders `CompiledTemplates` as swift-mustache's `Template+Render` does, token for token
/// (the same lookups outwards through the context stack, sections, inverted sections,
/// partials with indentation, inheritance blocks, content types), but only for the value
/// types Gugus gives its templates, each recognised by its exact type instead of by dynamic
/// casts. On anything else (another value type, a transform, a template the reader left
/// out) it stops, and the caller renders the page with the library: the output is the
/// library's in every case.
struct TemplateWalker {
    /// Thrown to hand the page to the library.
    struct LibraryNeeded: Error {}

    private let templates: [String: CompiledTemplate]
    private let libraryOnly: Set<String>
    /// The context stack: each value, and the same value as the parent it is, found once
    /// when it is pushed (a lookup used to cast every value it passed out of `Any` again).
    private var stack: [Any]
    private var parents: [Parent]

    /// (Indirect: a lookup outwards copies each parent it passes, which counts one reference
    /// to its box instead of one to everything the value holds.)
    private indirect enum Parent {
        case values(TemplateValues)
        case text(TextValues)
        case strings([String: String])
        case site(SiteValues)
        case menu(MenuEntryValues)
        case entry(ListEntryValues)
        case dictionary([String: Any])
        /// Text, a number, a truth value or a list: no child by name.
        case childless
        /// A type the walker does not know: a lookup through it goes to the library.
        case unknown

        init(_ value: Any) {
            let kind = ObjectIdentifier(type(of: value))
            if kind == Kinds.templateValues {
                self = .values(value as! TemplateValues)
            } else if kind == Kinds.textValues {
                self = .text(value as! TextValues)
            } else if kind == Kinds.stringDictionary {
                self = .strings(value as! [String: String])
            } else if kind == Kinds.siteValues {
                self = .site(value as! SiteValues)
            } else if kind == Kinds.menuEntry {
                self = .menu(value as! MenuEntryValues)
            } else if kind == Kinds.listEntry {
                self = .entry(value as! ListEntryValues)
            } else if kind == Kinds.anyDictionary {
                self = .dictionary(value as! [String: Any])
            } else {
                self = Kinds.hasNoChildren(kind) ? .childless : .unknown
            }
        }

        /// The child by name: as `MustacheParent` finds it (or, for the other known types,
        /// the library's `Mirror`, which finds no labelled child in text, numbers and lists).
        func child(named name: String) throws -> Any? {
            switch self {
            case let .values(values): return values.child(named: name)
            case let .text(values): return values.values[name]
            case let .strings(strings): return strings[name]
            case let .site(values): return values.child(named: name)
            case let .menu(values): return values.child(named: name)
            case let .entry(values): return values.child(named: name)
            case let .dictionary(values): return values[name]
            case .childless: return nil
            case .unknown: throw LibraryNeeded()
            }
        }
    }

    private struct Context {
        var indentation: String?
        var inherited: [String: CompiledTemplate]?
        var escaping: Escaping
    }

    private enum Escaping {
        case fastHTML
        /// swift-mustache's own `HTML`, which every template and partial starts with (kept
        /// without its value: copying a protocol's value at each template cost more).
        case libraryHTML
        case other(any MustacheContentType)
    }

    init(templates: CompiledTemplates, values: Any) {
        self.templates = templates.templates
        libraryOnly = templates.libraryOnly
        stack = [values]
        parents = [Parent(values)]
    }

    private mutating func push(_ value: Any) {
        stack.append(value)
        parents.append(Parent(value))
    }

    private mutating func pop() {
        stack.removeLast()
        parents.removeLast()
    }

    /// Writes the page's UTF-8 bytes into `output`; false when it needs the library.
    /// (Written as bytes: appending to a `String` cost more than all the rest of the walk,
    /// a twentieth of a build.)
    static func render(_ name: String, values: Any, templates: CompiledTemplates, into output: inout PageBytes) -> Bool {
        guard let template = templates.templates[name] else { return false }
        var walker = TemplateWalker(templates: templates, values: values)
        do {
            try walker.render(template, Context(indentation: nil, inherited: nil, escaping: .libraryHTML), into: &output)
        } catch {
            return false
        }
        return true
    }

    /// The content type swift-mustache starts each template and partial with (its `HTML`),
    /// taken from a parsed pragma since the library keeps the type internal (nil if it could
    /// not be read: never with this version).
    private static let libraryHTML: (any MustacheContentType)? = {
        guard let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: HTML}}"),
            let compiled = CompiledTemplate(reading: template),
            case let .contentType(type)? = compiled.parts.first
        else { return nil }
        return type
    }()

    // MARK: Templates

    private mutating func render(_ template: CompiledTemplate, _ given: Context, into output: inout PageBytes) throws {
        var context = given
        // (The parts are read in place: copying each out of the theme's shared list would
        // count a reference to it up and down, on every core at once.)
        try template.parts.withUnsafeBufferPointer { parts in
            if let indentation = context.indentation, indentation != "" {
                let start = output.count
                for index in parts.indices {
                    var piece = PageBytes(capacity: 256)
                    try render(parts[index], &context, into: &piece)
                    if !piece.isEmpty, Self.endsWithNewline(output, after: start) { output.append(indentation) }
                    output.append(piece)
                }
            } else {
                for index in parts.indices { try render(parts[index], &context, into: &output) }
            }
        }
    }

    /// Whether the text written since `start` ends with the character "\n" (the library
    /// asks `string.last == "\n"` of its own output; "\r\n" is another character).
    private static func endsWithNewline(_ output: borrowing PageBytes, after start: Int) -> Bool {
        guard output.count > start, output.byte(at: output.count - 1) == 0x0A else { return false }
        guard output.count - 1 > start else { return true }
        return output.byte(at: output.count - 2) != 0x0D
    }

    private mutating func render(_ part: TemplatePart, _ context: inout Context, into output: inout PageBytes) throws {
        switch part {
        case let .text(text):
            output.append(text)
        case let .variable(name, escaped):
            guard let value = try lookup(name) else { return }
            if !escaped, ObjectIdentifier(type(of: value)) == Kinds.bytes {
                return (value as! TemplateBytes).bytes.withUnsafeBytes { output.append($0) }
            }
            let text = try Self.text(of: value)
            guard escaped else { return output.append(text) }
            switch context.escaping {
            case .fastHTML: FastHTMLContentType().appendEscaped(text, to: &output)
            case .libraryHTML:
                guard let type = Self.libraryHTML else { throw LibraryNeeded() }
                output.append(type.escapeText(text))
            case let .other(type): output.append(type.escapeText(text))
            }
        case let .section(name, template):
            let value = try lookup(name)
            try renderSection(value, template, context, into: &output)
        case let .invertedSection(name, template):
            let value = try lookup(name)
            try renderInvertedSection(value, template, context, into: &output)
        case let .block(name, defaultTemplate, indentation):
            var inner = context
            inner.indentation = Self.indentation(context.indentation, adding: indentation)
            try render(context.inherited?[name] ?? defaultTemplate, inner, into: &output)
        case let .partial(name, indentation, overrides):
            try renderPartial(name, indentation, overrides, context, into: &output)
        case let .dynamicPartial(name, indentation, overrides):
            let value = try lookup(name)
            guard let value else { return }
            guard ObjectIdentifier(type(of: value)) == Kinds.string else {
                guard Kinds.isKnown(value) else { throw LibraryNeeded() }
                return
            }
            try renderPartial(value as! String, indentation, overrides, context, into: &output)
        case let .contentType(type):
            context.escaping = type is FastHTMLContentType ? .fastHTML : .other(type)
        case .engineOnly:
            throw LibraryNeeded()
        }
    }

    private mutating func renderPartial(
        _ name: String, _ indentation: String?, _ overrides: [String: CompiledTemplate]?, _ context: Context, into output: inout PageBytes
    ) throws {
        guard let template = templates[name] else {
            if libraryOnly.contains(name) { throw LibraryNeeded() }
            return
        }
        var inherited = context.inherited
        if let overrides {
            inherited = inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        let inner = Context(indentation: Self.indentation(context.indentation, adding: indentation), inherited: inherited, escaping: .libraryHTML)
        try render(template, inner, into: &output)
    }

    private static func indentation(_ current: String?, adding added: String?) -> String? {
        guard let added else { return current }
        return (current ?? "") + added
    }

    private mutating func renderSection(_ value: Any?, _ template: CompiledTemplate, _ context: Context, into output: inout PageBytes) throws {
        guard let value else { return }
        let kind = ObjectIdentifier(type(of: value))
        if let elements = Kinds.elements(of: value, kind) {
            for element in elements {
                push(element)
                try render(template, context, into: &output)
                pop()
            }
        } else if kind == Kinds.bool {
            if value as! Bool { try render(template, context, into: &output) }
        } else if Kinds.isKnown(value) {
            push(value)
            try render(template, context, into: &output)
            pop()
        } else {
            throw LibraryNeeded()
        }
    }

    private mutating func renderInvertedSection(_ value: Any?, _ template: CompiledTemplate, _ context: Context, into output: inout PageBytes) throws {
        guard let value else { return try render(template, context, into: &output) }
        let kind = ObjectIdentifier(type(of: value))
        if let elements = Kinds.elements(of: value, kind) {
            guard elements.isEmpty else { return }
            // The library renders an empty list's inverted section with the list as its value.
            push(value)
            try render(template, context, into: &output)
            pop()
        } else if kind == Kinds.bool {
            if !(value as! Bool) { try render(template, context, into: &output) }
        } else if !Kinds.isKnown(value) {
            throw LibraryNeeded()
        }
    }

    // MARK: Values

    /// `getChild` without transforms: `.`, `.name.rest`, or `name.rest` found outwards.
    private func lookup(_ name: ValueName) throws -> Any? {
        switch name.start {
        case .current:
            return stack.last
        case .currentOnly:
            guard let current = stack.last else { return nil }
            return try descend(name.path[...], from: current)
        case .stack:
            guard let first = name.path.first else { return stack.last }
            for index in parents.indices.reversed() {
                if let child = try parents[index].child(named: first) {
                    return try descend(name.path.dropFirst(), from: child)
                }
            }
            return nil
        }
    }

    private func descend(_ names: ArraySlice<String>, from object: Any) throws -> Any? {
        var object = object
        for name in names {
            guard let child = try Self.child(name, of: object) else { return nil }
            object = child
        }
        return object
    }

    /// A value's child by name, as `MustacheParent` (or, for the other known types, the
    /// library's `Mirror`, which finds no labelled child in text, numbers and lists).
    /// (The same table as `Parent`, without making one: a value met once is not worth it.)
    private static func child(_ name: String, of object: Any) throws -> Any? {
        let kind = ObjectIdentifier(type(of: object))
        if kind == Kinds.templateValues { return (object as! TemplateValues).child(named: name) }
        if kind == Kinds.textValues { return (object as! TextValues).values[name] }
        if kind == Kinds.stringDictionary { return (object as! [String: String])[name] }
        if kind == Kinds.siteValues { return (object as! SiteValues).child(named: name) }
        if kind == Kinds.menuEntry { return (object as! MenuEntryValues).child(named: name) }
        if kind == Kinds.listEntry { return (object as! ListEntryValues).child(named: name) }
        if kind == Kinds.anyDictionary { return (object as! [String: Any])[name] }
        if Kinds.hasNoChildren(kind) { return nil }
        throw LibraryNeeded()
    }

    /// A value as a variable writes it (`String(describing:)` in the library).
    private static func text(of value: Any) throws -> String {
        let kind = ObjectIdentifier(type(of: value))
        if kind == Kinds.string { return value as! String }
        if kind == Kinds.bytes { return (value as! TemplateBytes).description }
        if kind == Kinds.int { return String(value as! Int) }
        if kind == Kinds.bool { return (value as! Bool) ? "true" : "false" }
        throw LibraryNeeded()
    }
}

/// The value types Gugus puts in template values, by exact type. (Each identity is taken
/// from the type where it is asked for, a constant address: stored constants were read
/// through a check that they had been made, and sets of them hashed every identity.)
private enum Kinds {
    static var string: ObjectIdentifier { ObjectIdentifier(String.self) }
    static var bool: ObjectIdentifier { ObjectIdentifier(Bool.self) }
    static var int: ObjectIdentifier { ObjectIdentifier(Int.self) }
    /// Written as text, but neither a parent nor childless: a section or a name looked up
    /// through it leaves the page to the library, which finds its children with `Mirror`.
    static var bytes: ObjectIdentifier { ObjectIdentifier(TemplateBytes.self) }
    static var templateValues: ObjectIdentifier { ObjectIdentifier(TemplateValues.self) }
    static var textValues: ObjectIdentifier { ObjectIdentifier(TextValues.self) }
    static var siteValues: ObjectIdentifier { ObjectIdentifier(SiteValues.self) }
    static var menuEntry: ObjectIdentifier { ObjectIdentifier(MenuEntryValues.self) }
    static var listEntry: ObjectIdentifier { ObjectIdentifier(ListEntryValues.self) }
    static var stringDictionary: ObjectIdentifier { ObjectIdentifier([String: String].self) }
    static var anyDictionary: ObjectIdentifier { ObjectIdentifier([String: Any].self) }
    static var templateValuesList: ObjectIdentifier { ObjectIdentifier([TemplateValues].self) }
    static var textValuesList: ObjectIdentifier { ObjectIdentifier([TextValues].self) }
    static var menuEntryList: ObjectIdentifier { ObjectIdentifier([MenuEntryValues].self) }
    static var listEntryList: ObjectIdentifier { ObjectIdentifier([ListEntryValues].self) }
    static var stringList: ObjectIdentifier { ObjectIdentifier([String].self) }
    static var anyList: ObjectIdentifier { ObjectIdentifier([Any].self) }

    static func isParent(_ kind: ObjectIdentifier) -> Bool {
        kind == templateValues || kind == textValues || kind == siteValues || kind == menuEntry || kind == listEntry
            || kind == stringDictionary || kind == anyDictionary
    }

    static func isList(_ kind: ObjectIdentifier) -> Bool {
        kind == templateValuesList || kind == textValuesList || kind == menuEntryList || kind == listEntryList
            || kind == stringList || kind == anyList
    }

    static func hasNoChildren(_ kind: ObjectIdentifier) -> Bool {
        kind == string || kind == bool || kind == int || isList(kind)
    }

    static func isKnown(_ value: Any) -> Bool {
        let kind = ObjectIdentifier(type(of: value))
        return isParent(kind) || hasNoChildren(kind)
    }

    /// A list's elements (a section repeats for each), or nil when the value is no list.
    static func elements(of value: Any, _ kind: ObjectIdentifier) -> [Any]? {
        if kind == templateValuesList { return (value as! [TemplateValues]).map { $0 } }
        if kind == listEntryList { return (value as! [ListEntryValues]).map { $0 } }
        if kind == anyList { return value as? [Any] }
        if kind == textValuesList { return (value as! [TextValues]).map { $0 } }
        if kind == menuEntryList { return (value as! [MenuEntryValues]).map { $0 } }
        if kind == stringList { return (value as! [String]).map { $0 } }
        return nil
    }
}

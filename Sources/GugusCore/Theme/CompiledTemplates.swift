import Foundation
import Mustache
import Synchronization

/// A theme's templates as swift-mustache parsed them, for `TemplateWalker` to render.
///
/// swift-mustache stays the parser (its rules for standalone lines, indentation and
/// inheritance are the contract); its parsed tokens are read once per theme with `Mirror`,
/// since the library keeps them internal. Rendering them is where the library spends its
/// time: every name is split at each lookup and every value meets up to seven dynamic
/// casts to protocols (a third of a 10,000-file build, profile in the commit message).
/// Whatever the reading does not recognise leaves that template to the library.
struct CompiledTemplates: Sendable {
    let templates: [String: CompiledTemplate]
    /// Templates of the library the reader did not recognise.
    let libraryOnly: Set<String>
    /// How many renders were handed to the library (`BuildReport.rendersByTemplateLibrary`).
    let handedToLibrary = RenderCount()

    final class RenderCount: Sendable {
        private let count = Atomic<Int>(0)
        var value: Int { count.load(ordering: .relaxed) }
        func add() { count.add(1, ordering: .relaxed) }
    }

    init(library: MustacheLibrary, names: some Sequence<String>) {
        var templates: [String: CompiledTemplate] = [:]
        var libraryOnly: Set<String> = []
        // Read on every core (reading the library's tokens is slow, and a build waits for it).
        let names = Array(names)
        let read = ParallelMap.map(names) { name -> (found: Bool, compiled: CompiledTemplate?) in
            guard let template = library.getTemplate(named: name) else { return (false, nil) }
            return (true, CompiledTemplate(reading: template))
        }
        for (name, result) in zip(names, read) where result.found {
            if let compiled = result.compiled {
                templates[name] = compiled
            } else {
                libraryOnly.insert(name)
            }
        }
        self.templates = templates
        self.libraryOnly = libraryOnly
    }

    private init(templates: [String: CompiledTemplate], libraryOnly: Set<String>) {
        self.templates = templates
        self.libraryOnly = libraryOnly
    }

    /// The templates with the build's constants written in and the theme's asset addresses
    /// given their hashed names, as `Theme.specialized` rewrites the texts: each variable
    /// named in `constants` becomes its text (escaped as the tag escapes), each text has
    /// the assets' addresses replaced. Templates in `leavingConstantsIn` keep their
    /// variables.
    func specialized(constants: [String: String], assets: [String: String], leavingConstantsIn: Set<String>) -> CompiledTemplates {
        var rewritten: [String: CompiledTemplate] = [:]
        for (name, template) in templates {
            let rewrite = TemplateRewrite(constants: leavingConstantsIn.contains(name) ? [:] : constants, assets: assets)
            rewritten[name] = template.rewritten(rewrite)
        }
        return CompiledTemplates(templates: rewritten, libraryOnly: libraryOnly)
    }

    /// A page as text, or nil when it needs the library.
    func renderText(_ values: Any, template name: String) -> String? {
        renderData(values, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A page's bytes, or nil when it needs the library (see `TemplateWalker`).
    func renderData(_ values: Any, template name: String) -> Data? {
        var page = PageBytes(capacity: 16 * 1024)
        guard TemplateWalker.render(name, values: values, templates: self, into: &page) else {
            handedToLibrary.add()
            return nil
        }
        return page.data()
    }
}

/// A name as a template writes it (`page.title`, `.`, `.name`), split once.
struct ValueName: Sendable, Equatable {
    enum Start: Sendable, Equatable {
        /// `.`: the current value.
        case current
        /// `.name`: the current value's child only.
        case currentOnly
        /// `name`: the innermost value that has the first part, outwards.
        case stack
    }

    let start: Start
    let path: [String]

    /// swift-mustache's reading of a name (`Template+Render.getChild`).
    init(_ name: String) {
        if name == "." {
            start = .current
            path = []
        } else if name.first == "." {
            start = .currentOnly
            path = name.split(separator: ".").map(String.init)
        } else {
            start = .stack
            path = name.split(separator: ".").map(String.init)
        }
    }
}

indirect enum TemplatePart: Sendable {
    case text(String)
    case variable(ValueName, escaped: Bool)
    case section(ValueName, CompiledTemplate)
    case invertedSection(ValueName, CompiledTemplate)
    /// `{{$name}}…{{/name}}` in a template that others extend: an override or the default.
    case block(name: String, default: CompiledTemplate, indentation: String?)
    case partial(name: String, indentation: String?, overrides: [String: CompiledTemplate]?)
    case dynamicPartial(ValueName, indentation: String?, overrides: [String: CompiledTemplate]?)
    case contentType(any MustacheContentType)
    /// Something the walker leaves to the library (a transform, a block definition where
    /// the library would stop): rendering a page that reaches it goes to the library.
    case engineOnly
}

/// What `CompiledTemplates.specialized` writes into the templates.
struct TemplateRewrite {
    var constants: [String: String]
    var assets: [String: String]
}

struct CompiledTemplate: Sendable {
    let parts: [TemplatePart]

    private init(parts: [TemplatePart]) {
        self.parts = parts
    }

    func rewritten(_ rewrite: TemplateRewrite) -> CompiledTemplate {
        CompiledTemplate(parts: parts.map { $0.rewritten(rewrite) })
    }

    /// The template's tokens, or nil when their shape is not the one this reader knows
    /// (another version of swift-mustache).
    init?(reading template: MustacheTemplate) {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value else { return nil }
        var parts: [TemplatePart] = []
        for token in Mirror(reflecting: tokens).children {
            guard let part = Self.part(token.value) else { return nil }
            parts.append(part)
        }
        self.parts = parts
    }

    private static func part(_ token: Any) -> TemplatePart? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let label = payload.label else { return nil }
        let fields = Mirror(reflecting: payload.value).children.map(\.value)
        func field(_ index: Int) -> Any? { index < fields.count ? fields[index] : nil }
        switch label {
        case "text":
            return (payload.value as? String).map(TemplatePart.text)
        case "variable", "unescapedVariable", "section", "invertedSection":
            guard let name = field(0) as? String, let transforms = field(1) as? [String] else { return nil }
            if !transforms.isEmpty { return .engineOnly }
            let valueName = ValueName(name)
            switch label {
            case "variable": return .variable(valueName, escaped: true)
            case "unescapedVariable": return .variable(valueName, escaped: false)
            default:
                guard let inner = field(2) as? MustacheTemplate, let compiled = CompiledTemplate(reading: inner) else { return nil }
                return label == "section" ? .section(valueName, compiled) : .invertedSection(valueName, compiled)
            }
        case "blockExpansion":
            guard let name = field(0) as? String, let inner = field(1) as? MustacheTemplate,
                let compiled = CompiledTemplate(reading: inner), let indentation = optionalString(field(2))
            else { return nil }
            return .block(name: name, default: compiled, indentation: indentation)
        case "partial", "dynamicNamePartial":
            guard let name = field(0) as? String, let indentation = optionalString(field(1)),
                let overrides = optionalTemplates(field(2))
            else { return nil }
            return label == "partial"
                ? .partial(name: name, indentation: indentation, overrides: overrides)
                : .dynamicPartial(ValueName(name), indentation: indentation, overrides: overrides)
        case "contentType":
            return (payload.value as? any MustacheContentType).map(TemplatePart.contentType)
        case "blockDefinition":
            return .engineOnly
        default:
            return nil
        }
    }

    /// An optional field's content: `.some(nil)` when it holds nothing, nil when the field
    /// is not an optional.
    private static func optionalPayload(_ value: Any?) -> Any?? {
        guard let value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return nil }
        return .some(mirror.children.first?.value)
    }

    private static func optionalString(_ value: Any?) -> String?? {
        guard let payload = optionalPayload(value) else { return nil }
        guard let wrapped = payload else { return .some(nil) }
        return (wrapped as? String).map { .some($0) }
    }

    private static func optionalTemplates(_ value: Any?) -> [String: CompiledTemplate]?? {
        guard let payload = optionalPayload(value) else { return nil }
        guard let wrapped = payload else { return .some(nil) }
        guard let templates = wrapped as? [String: MustacheTemplate] else { return nil }
        var compiled: [String: CompiledTemplate] = [:]
        for (name, template) in templates {
            guard let read = CompiledTemplate(reading: template) else { return nil }
            compiled[name] = read
        }
        return .some(compiled)
    }
}

extension TemplatePart {
    /// The part with the rewrite applied (see `CompiledTemplates.specialized`).
    func rewritten(_ rewrite: TemplateRewrite) -> TemplatePart {
        switch self {
        case let .text(text):
            return .text(AssetFingerprints.rewriting(rewrite.assets, in: text))
        case let .variable(name, escaped):
            guard name.start == .stack, let value = rewrite.constants[name.path.joined(separator: ".")] else { return self }
            return .text(escaped ? FastHTMLContentType().escapeText(value) : value)
        case let .section(name, template):
            return .section(name, template.rewritten(rewrite))
        case let .invertedSection(name, template):
            return .invertedSection(name, template.rewritten(rewrite))
        case let .block(name, defaultTemplate, indentation):
            return .block(name: name, default: defaultTemplate.rewritten(rewrite), indentation: indentation)
        case let .partial(name, indentation, overrides):
            return .partial(name: name, indentation: indentation, overrides: overrides?.mapValues { $0.rewritten(rewrite) })
        case let .dynamicPartial(name, indentation, overrides):
            return .dynamicPartial(name, indentation: indentation, overrides: overrides?.mapValues { $0.rewritten(rewrite) })
        case .contentType, .engineOnly:
            return self
        }
    }
}

import Foundation
import Mustache
import Synchronization
import Yams

/// The templates, interface strings and assets a site is rendered with: the site's own
/// `templates/` folder, or the default theme built into Gugus.
public struct Theme: Sendable {
    public var library: MustacheLibrary
    /// Interface strings by language (`id`, `en`) from `i18n/<lang>.yaml`.
    public var strings: [String: [String: String]]
    /// Files under `assets/`, copied to `/assets/`.
    public var assets: [(path: String, data: Data)]
    /// Each template's text (with the content-type pragma), by name.
    var sources: [String: String] = [:]
    /// The templates for `TemplateWalker`; nil renders every page with swift-mustache itself.
    var compiled: CompiledTemplates?
    /// The library with the build's constants written in (`specialized`), for the pages
    /// the walker hands to it.
    var specializedLibrary: SpecializedLibrary?

    /// Templates every theme must have.
    static let requiredTemplates = [
        "home", "news", "event", "decree", "dataset", "page", "list", "listing", "404", "alias", "search", "data", "gone", "hotline-bar", "site-header", "footer", "entry",
    ]

    /// The built-in default theme, with the files of the site's `templates/` folder (if any)
    /// taking the place of the built-in files of the same path, as Hugo's layouts do.
    public static func load(siteRoot: String, diagnostics: inout DiagnosticLog) -> Theme? {
        make(files: sourceFiles(siteRoot: siteRoot), prefix: "templates/", diagnostics: &diagnostics)
    }

    /// The theme's files by path: the built-in ones, replaced by the site's own.
    public static func sourceFiles(siteRoot: String) -> [String: Data] {
        let folder = siteRoot + "/templates"
        var isDirectory: ObjCBool = false
        var files = DefaultTheme.files.mapValues { Data($0.utf8) }
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
            files.merge(readFolder(folder)) { _, site in site }
        }
        return files
    }

    /// Builds a theme from files keyed by their path inside the theme folder.
    static func make(files: [String: Data], prefix: String, diagnostics: inout DiagnosticLog) -> Theme? {
        var library = MustacheLibrary()
        var names: Set<String> = []
        var strings: [String: [String: String]] = [:]
        var assets: [(String, Data)] = []
        var sources: [String: String] = [:]
        let before = diagnostics.errors.count
        var templates: [(name: String, file: String, source: String)] = []
        for path in files.keys.sorted() {
            guard let data = files[path] else { continue }
            let file = prefix + path
            if path.hasSuffix(".mustache") {
                let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                guard names.insert(name).inserted else {
                    diagnostics.error(SourceLocation(file: file), "a template named \"\(name)\" exists twice in the theme",
                                      hint: "template names are file names without folder; rename one of them")
                    continue
                }
                templates.append((name, file, FastHTMLContentType.pragma + String(decoding: data, as: UTF8.self)))
            } else if path.hasPrefix("i18n/") && path.hasSuffix(".yaml") {
                let language = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                switch interfaceStrings(String(decoding: data, as: UTF8.self), file: file) {
                case let .success(read): strings[language] = read
                case let .failure(diagnostic): diagnostics.append(diagnostic)
                }
            } else if path.hasPrefix("assets/") {
                assets.append((String(path.dropFirst("assets/".count)), data))
            }
        }
        for (template, parsed) in zip(templates, parse(templates.map(\.source))) {
            switch parsed {
            case let .success(parsed):
                library.register(parsed, named: template.name)
                sources[template.name] = template.source
            case let .failure(error as MustacheTemplate.ParserError):
                // The pragma sits in front of the first line.
                let column = error.context.columnNumber - (error.context.lineNumber == 1 ? FastHTMLContentType.pragma.count : 0)
                diagnostics.error(SourceLocation(file: template.file, line: error.context.lineNumber, column: max(1, column)),
                                  "the template cannot be read: \(error.error)",
                                  hint: "check that every {{#section}} is closed by {{/section}} with the same name")
            case let .failure(error):
                diagnostics.error(SourceLocation(file: template.file), "the template cannot be read: \(error)")
            }
        }
        for name in requiredTemplates where !names.contains(name) {
            diagnostics.error(SourceLocation(file: prefix + name + ".mustache"), "the theme has no template \"\(name)\"",
                              hint: "copy it from the default theme (`gugus init` writes one) and adapt it")
        }
        if strings["id"] == nil {
            diagnostics.error(SourceLocation(file: prefix + "i18n/id.yaml"), "the theme has no Indonesian interface strings",
                              hint: "add i18n/id.yaml to the theme")
        }
        guard diagnostics.errors.count == before else { return nil }
        return Theme(library: library, strings: strings, assets: assets, sources: sources,
                     compiled: CompiledTemplates(library: library, names: sources.keys))
    }

    /// Interface strings, one `key: text` per line. (Read from the YAML's nodes: Yams'
    /// decoder took half the time of a small site's build for the two files of the default
    /// theme.)
    static func interfaceStrings(_ text: String, file: String) -> Result<[String: String], Diagnostic> {
        let hint = "write one `key: text` per line; put text with a colon in quotes"
        let node: Node
        switch YAMLDocument.parse(text, file: file, firstLine: 1) {
        case let .failure(diagnostic): return .failure(diagnostic)
        case .success(nil):
            // The file replaces the built-in one whole: empty, every page would lose its labels.
            return .failure(Diagnostic(file: file, message: "the interface strings file is empty", hint: hint))
        case let .success(read?): node = read
        }
        func problem(_ node: Node, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message, hint: hint)
        }
        guard let mapping = node.mapping else { return .failure(problem(node, "the interface strings are not `key: text` lines")) }
        var strings: [String: String] = Dictionary(minimumCapacity: mapping.count)
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { return .failure(problem(key, "a key of the interface strings is not a word")) }
            guard let string = value.scalar?.string else {
                return .failure(problem(value, "the interface string `\(name)` is not text (a list or a map?)"))
            }
            strings[name] = string
        }
        return .success(strings)
    }

    /// Templates parsed on every core (parsing the theme is a good part of a small site's build).
    static func parse(_ sources: [String]) -> [Result<MustacheTemplate, any Error>] {
        _ = FastHTMLContentType.registered
        return ParallelMap.map(sources) { source in Result { try MustacheTemplate(string: source) } }
    }

    /// Every file under a folder, keyed by its relative path (hidden files skipped).
    static func readFolder(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        while let next = enumerator.nextObject() as? String {
            if next.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            let path = folder + "/" + next
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            files[next] = data
        }
        return files
    }

    /// Interface strings for a language, falling back to Indonesian for missing keys.
    public func strings(for language: String) -> [String: String] {
        let base = strings["id"] ?? [:]
        guard language != "id", let other = strings[language] else { return base }
        return base.merging(other) { _, new in new }
    }

    /// The theme with its interface strings (`{{t.key}}`) and the build's other constants
    /// (`{{site.title}}`, `{{lang}}`, …) written into the templates: the same output,
    /// without a context lookup for each (a good part of the template engine's work).
    func specialized(for strings: [String: String], constants: [String: String] = [:]) -> Theme {
        var values = constants
        for (key, value) in strings where key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { values["t." + key] = value }
        // Values with braces (they could form tags) or only blanks (they could make a
        // neighbouring tag stand alone on its line, which removes the line) stay lookups.
        values = values.filter { !$0.value.contains("{") && !$0.value.contains("}") && !$0.value.allSatisfy(\.isWhitespace) }
        let names = sources.keys.sorted()
        // References to the theme's assets take their content-hashed names.
        let assetAddresses = AssetFingerprints.addresses(of: assets)
        let texts = names.map { name -> String in
            let source = AssetFingerprints.rewriting(assetAddresses, in: sources[name] ?? "")
            // Templates that change the delimiters or the content type midway are left as
            // they are: plain text there may not be what it seems.
            if Self.changesSyntax(source) { return source }
            return Self.writing(values, into: source)
        }
        var copy = self
        if let compiled {
            // The walker's templates are rewritten as parsed trees (parsing the texts again
            // was the slowest part of a small site's build); the library parses its texts
            // only if a page is handed to it.
            let leftAsTheyAre = Set(zip(names, texts).filter { Self.changesSyntax($0.1) }.map(\.0))
            copy.compiled = compiled.specialized(constants: values, assets: assetAddresses, leavingConstantsIn: leftAsTheyAre)
            copy.specializedLibrary = SpecializedLibrary(texts: Array(zip(names, texts)), unspecialized: library)
            return copy
        }
        guard let library = SpecializedLibrary.parse(Array(zip(names, texts))) else { return self }
        copy.library = library
        return copy
    }

    /// The same theme rendered by swift-mustache alone (`BuildOptions.rendersWithTemplateLibrary`).
    func withoutWalker() -> Theme {
        var copy = self
        copy.compiled = nil
        copy.specializedLibrary = nil
        return copy
    }

    /// A template's text with the tags of the given names replaced by their values (escaped
    /// as the tag would escape them). Scanned as bytes: the tags' braces are ASCII.
    static func writing(_ values: [String: String], into source: String) -> String {
        let escape = FastHTMLContentType()
        let brace = UInt8(ascii: "{"), closingBrace = UInt8(ascii: "}")
        var source = source
        return source.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var copied = 0
            var index = 0
            while index + 1 < bytes.count {
                guard bytes[index] == brace, bytes[index + 1] == brace else {
                    index += 1
                    continue
                }
                let triple = index + 2 < bytes.count && bytes[index + 2] == brace
                let nameStart = index + (triple ? 3 : 2)
                let closing = triple ? 3 : 2
                // The first `}}` (`}}}` after `{{{`) ends the tag; a tag left open ends the scan.
                var end = nameStart
                while end + closing <= bytes.count && !(0..<closing).allSatisfy({ bytes[end + $0] == closingBrace }) { end += 1 }
                guard end + closing <= bytes.count else { break }
                if let value = values[String(decoding: bytes[nameStart..<end], as: UTF8.self)] {
                    output.append(contentsOf: bytes[copied..<index])
                    output.append(contentsOf: (triple ? value : escape.escapeText(value)).utf8)
                    copied = end + closing
                }
                index = end + closing
            }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether a template changes the delimiters or sets the content type again after the
    /// pragma every template starts with.
    static func changesSyntax(_ source: String) -> Bool {
        let pragma = FastHTMLContentType.pragma
        let rest = source.hasPrefix(pragma) ? String(source.dropFirst(pragma.count)) : source
        return ByteSearch.contains(source, "{{=") || ByteSearch.contains(rest, "{{%")
    }

    func render(_ context: TemplateValues, template: String) -> String {
        if let compiled, let page = compiled.renderText(context, template: template) { return page }
        return (specializedLibrary?.library ?? library).render(context, withTemplate: template) ?? ""
    }

    /// A page as the bytes of its file (the walker's bytes as they are).
    func renderData(_ context: TemplateValues, template: String) -> Data {
        if let compiled, let page = compiled.renderData(context, template: template) { return page }
        var text = (specializedLibrary?.library ?? library).render(context, withTemplate: template) ?? ""
        return text.withUTF8 { Data($0) }
    }
}

/// swift-mustache's templates with the build's constants written into their texts, parsed
/// the first time a page needs them (a theme the walker reads whole never does).
final class SpecializedLibrary: Sendable {
    private let texts: [(name: String, text: String)]
    private let unspecialized: MustacheLibrary
    private let parsed = Mutex<MustacheLibrary?>(nil)

    init(texts: [(name: String, text: String)], unspecialized: MustacheLibrary) {
        self.texts = texts
        self.unspecialized = unspecialized
    }

    /// The rewritten templates, or the theme's own when one of them cannot be parsed.
    var library: MustacheLibrary {
        parsed.withLock { cached in
            if let cached { return cached }
            let library = Self.parse(texts) ?? unspecialized
            cached = library
            return library
        }
    }

    /// A library of the texts, nil when one of them cannot be parsed.
    static func parse(_ texts: [(name: String, text: String)]) -> MustacheLibrary? {
        var library = MustacheLibrary()
        for (name, parsed) in zip(texts.map(\.name), Theme.parse(texts.map(\.text))) {
            guard case let .success(template) = parsed else { return nil }
            library.register(template, named: name)
        }
        return library
    }
}

import Foundation
import Mustache
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
                do {
                    _ = FastHTMLContentType.registered
                    let source = FastHTMLContentType.pragma + String(decoding: data, as: UTF8.self)
                    library.register(try MustacheTemplate(string: source), named: name)
                    sources[name] = source
                } catch let error as MustacheTemplate.ParserError {
                    // The pragma sits in front of the first line.
                    let column = error.context.columnNumber - (error.context.lineNumber == 1 ? FastHTMLContentType.pragma.count : 0)
                    diagnostics.error(SourceLocation(file: file, line: error.context.lineNumber, column: max(1, column)),
                                      "the template cannot be read: \(error.error)",
                                      hint: "check that every {{#section}} is closed by {{/section}} with the same name")
                } catch {
                    diagnostics.error(SourceLocation(file: file), "the template cannot be read: \(error)")
                }
            } else if path.hasPrefix("i18n/") && path.hasSuffix(".yaml") {
                let language = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                let text = String(decoding: data, as: UTF8.self)
                do {
                    strings[language] = try YAMLDecoder().decode([String: String].self, from: text)
                } catch {
                    diagnostics.error(SourceLocation(file: file), "the interface strings cannot be read: \(error)",
                                      hint: "write one `key: text` per line; put text with a colon in quotes")
                }
            } else if path.hasPrefix("assets/") {
                assets.append((String(path.dropFirst("assets/".count)), data))
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
        return Theme(library: library, strings: strings, assets: assets, sources: sources)
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
        var library = MustacheLibrary()
        let escape = FastHTMLContentType()
        for (name, source) in sources {
            // Templates that change the delimiters or the content type midway are left as
            // they are: plain text there may not be what it seems.
            if source.contains("{{=") || source.components(separatedBy: "{{%").count > 2 {
                guard let template = try? MustacheTemplate(string: source) else { return self }
                library.register(template, named: name)
                continue
            }
            var text = ""
            var rest = source[...]
            while let start = rest.range(of: "{{") {
                let triple = rest[start.upperBound...].first == "{"
                let nameStart = triple ? rest.index(after: start.upperBound) : start.upperBound
                let closing = triple ? "}}}" : "}}"
                guard let end = rest[nameStart...].range(of: closing) else { break }
                let key = String(rest[nameStart..<end.lowerBound])
                text += rest[..<start.lowerBound]
                if let value = values[key] {
                    text += triple ? value : escape.escapeText(value)
                } else {
                    text += rest[start.lowerBound..<end.upperBound]
                }
                rest = rest[end.upperBound...]
            }
            text += rest
            guard let template = try? MustacheTemplate(string: text) else { return self }
            library.register(template, named: name)
        }
        var copy = self
        copy.library = library
        return copy
    }

    func render(_ context: TemplateValues, template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}

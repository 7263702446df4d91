import Mustache

/// Values a template reads by name. The template engine asks every value it meets, at
/// every name of every template, whether it is a `MustacheParent`; a struct's own
/// conformance is found faster than the conditional one of `[String: Any]` (measured with
/// callgrind: 6 % of a build, a sixth of the engine).
///
/// The names and values are kept in a list, looked up from the front: a page's values
/// have a few dozen names, mostly short ones (kept inside the `String`, so comparing two is
/// comparing two words), and a template looks names up hundreds of times per page. A
/// dictionary hashed every name at every lookup (SipHash: 6 % of a build's time).
struct TemplateValues: MustacheParent, ExpressibleByDictionaryLiteral {
    /// The names, and the value of each at the same place.
    private var names: [String] = []
    private var values: [Any] = []

    init() {}

    init(_ values: [String: Any]) {
        names.reserveCapacity(values.count)
        self.values.reserveCapacity(values.count)
        for (name, value) in values {
            names.append(name)
            self.values.append(value)
        }
    }

    /// A later value of a name written twice replaces the earlier one, as in a dictionary.
    init(dictionaryLiteral elements: (String, Any)...) {
        names.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    /// The values that are there (nil leaves a name out).
    init(compacting elements: KeyValuePairs<String, Any?>) {
        names.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (name, value) in elements {
            if let value { self[name] = value }
        }
    }

    /// Where the name is, compared in place (without copying the names out of the list).
    private func place(of name: String) -> Int? {
        names.index(ofName: name)
    }

    func child(named name: String) -> Any? {
        place(of: name).map { values[$0] }
    }

    subscript(name: String) -> Any? {
        get { child(named: name) }
        set {
            if let index = place(of: name) {
                if let newValue {
                    values[index] = newValue
                } else {
                    names.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    mutating func merge(_ other: TemplateValues, uniquingKeysWith combine: (Any, Any) -> Any) {
        for (name, value) in zip(other.names, other.values) {
            if let index = place(of: name) {
                values[index] = combine(values[index], value)
            } else {
                names.append(name)
                values.append(value)
            }
        }
    }

    func merging(_ other: TemplateValues, uniquingKeysWith combine: (Any, Any) -> Any) -> TemplateValues {
        var merged = self
        merged.merge(other, uniquingKeysWith: combine)
        return merged
    }
}

/// Text already made as UTF-8 bytes (a page's JSON-LD, a few kilobytes): the template
/// walker copies the bytes into the page as they are where a template writes it without
/// escaping, instead of the page's values holding it as a `String` (making one checked the
/// bytes again: a whole percent of a build). The library, which renders a page the walker
/// leaves to it, writes its `description`: the same text.
struct TemplateBytes: Sendable, CustomStringConvertible {
    let bytes: [UInt8]

    var description: String { String(decoding: bytes, as: UTF8.self) }
}

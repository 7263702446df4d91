import Foundation

/// A JSON document built in code (JSON-LD, open data, the search index), encoded with
/// sorted keys so that two builds give the same bytes.
enum JSONValue: Encodable, Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    /// An object without the keys whose value is nil.
    static func record(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (key, value) in pairs { if let value { object[key] = value } }
        return .object(object)
    }

    /// An object that keeps its nil values as JSON `null` (records with a fixed set of keys).
    static func recordWithNulls(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (key, value) in pairs { object[key] = value ?? .null }
        return .object(object)
    }

    static func text(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    /// An array, or nil when empty (so the key is left out).
    static func list(_ values: [JSONValue]) -> JSONValue? { values.isEmpty ? nil : .array(values) }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(text): try container.encode(text)
        case let .int(number): try container.encode(number)
        case let .double(number): try container.encode(number)
        case let .bool(flag): try container.encode(flag)
        case let .array(values): try container.encode(values)
        case let .object(values): try container.encode(values)
        case .null: try container.encodeNil()
        }
    }

    /// JSON text, compact unless `pretty`.
    func encoded(pretty: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    /// Text for a `<script type="application/ld+json">` element: `<` is also escaped, so
    /// no value can close the element or open a comment.
    var scriptText: String {
        String(decoding: encoded(), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}

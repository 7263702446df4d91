import Foundation
import Testing
@testable import GugusCore

/// RecordScanner replaces JSONDecoder for the sources' snapshots. On every document that is
/// JSON (JSONSerialization reads it), it must read what JSONDecoder reads: the same fields of
/// the same records, or the same refusal. A document that is not JSON it refuses (JSONDecoder
/// passes over some broken parts it never reads; the scanner reads them all).
@Suite struct RecordScannerTests {
    typealias Keys = SnapshotLoader.DecreeKeys

    enum Outcome: Equatable {
        case records([[String: String]?])
        case failure(RecordScanner.Failure)
    }

    static func describe(_ fields: RawFields) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in fields.pairs {
            switch value {
            case let .text(text): result[key] = "text:" + text
            case .null: break
            case let .other(found): result[key] = "other:" + found
            }
        }
        return result
    }

    static func reference(_ data: Data) -> Outcome {
        do {
            let list = try JSONDecoder().decode([CheckedElement<DecodedRecord<Keys>>].self, from: data)
            return .records(list.map { $0.record.map { describe($0.fields) } })
        } catch DecodingError.typeMismatch, DecodingError.valueNotFound {
            // (`null` instead of a list is "not a list" too.)
            return .failure(.notAList)
        } catch {
            return .failure(.notJSON)
        }
    }

    static func scanned(_ data: Data) -> Outcome {
        switch RecordScanner.records(data, keys: Keys.allCases.map(\.stringValue)) {
        case let .success(list): return .records(list.map { $0.map(describe) })
        case let .failure(failure): return .failure(failure)
        }
    }

    @Test func readsWhatJSONDecoderReadsOnRandomDocuments() {
        var generator = RobustnessTests.SeededGenerator(state: 17)
        let keys = ["noPeraturan", "judul", "tanggal_penetapan", "urlDetailPeraturan", "status", "x", "judulx", "", "Judul"]
        let stringPieces = [
            "SK 264/K.503/2023", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\b\\f\\r", "\\u00e9", "\\u00E9", "\\ud83d\\ude00", "é", "日本", "🇮🇩", " ",
            "\\ud800", "\\udc00", "\\ud83dx", "\u{01}", "\\x", "\\u12", "</script>", "\\u0000",
        ]
        let numbers = ["0", "-0", "12", "1.5", "-3.25e+3", "1E9", "01", "1.", "-", "1e", ".5", "+1", "0x1", "1.5.2", "9999999999999999999999"]
        func text() -> String {
            "\"" + (0..<Int.random(in: 0...4, using: &generator)).map { _ in stringPieces.randomElement(using: &generator) ?? "" }.joined() + "\""
        }
        func value(_ depth: Int) -> String {
            switch Int.random(in: 0..<(depth < 4 ? 9 : 6), using: &generator) {
            case 0, 1: return text()
            case 2: return numbers.randomElement(using: &generator) ?? "0"
            case 3: return ["true", "false", "null", "nul", "True"].randomElement(using: &generator) ?? "null"
            case 4: return text()
            case 5: return "null"
            case 6: return "[" + (0..<Int.random(in: 0...3, using: &generator)).map { _ in value(depth + 1) }.joined(separator: ",") + "]"
            default:
                return "{" + (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                    "\"\(keys.randomElement(using: &generator) ?? "x")\" : " + value(depth + 1)
                }.joined(separator: ", ") + "}"
            }
        }
        var agreed = 0, valid = 0
        for round in 0..<4000 {
            var document: String
            switch round % 10 {
            case 0: document = value(0)
            case 1: document = " [ " + (0..<Int.random(in: 0...3, using: &generator)).map { _ in value(1) }.joined(separator: " ,\n") + " ] "
            default: document = "[" + (0..<Int.random(in: 0...4, using: &generator)).map { _ in value(1) }.joined(separator: ",") + "]"
            }
            var bytes = Array(document.utf8)
            // Every fourth document is broken somewhere.
            if round % 4 == 3, !bytes.isEmpty {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert([0xFF, 0x00, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "\""), 0xC3].randomElement(using: &generator) ?? 0, at: position)
                case 2: bytes += Array(" x".utf8)
                default: bytes.insert(contentsOf: Array("\u{FEFF}".utf8), at: 0)
                }
            }
            let data = Data(bytes)
            let isJSON = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
            let expected = isJSON ? Self.reference(data) : .failure(.notJSON)
            let got = Self.scanned(data)
            #expect(got == expected, "\(isJSON ? "JSON" : "not JSON"): \(String(decoding: bytes, as: UTF8.self))")
            if got != expected { return }
            agreed += 1
            if case .records = expected { valid += 1 }
        }
        // Both kinds were tried, many times.
        #expect(valid > 1000 && agreed - valid > 500)
    }

    @Test func depthAndRepeatedNamesAsJSONDecoder() {
        for depth in [10, 509, 510, 511, 512, 600] {
            let document = "[{\"judul\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}]"
            #expect(Self.scanned(Data(document.utf8)) == Self.reference(Data(document.utf8)), "depth \(depth)")
        }
        for document in ["[{\"jud\\u0075l\": \"a\", \"judul\": \"b\"}]", "[{\"jüdul\": \"a\", \"judul\": 2}]", "[{\"judul\": \"a\", \"judul\": \"b\"}]", "[{\"judul\": \"a\", \"judul\": null}]", "[{\"judul\": 1, \"judul\": \"b\"}]"] {
            #expect(Self.scanned(Data(document.utf8)) == Self.reference(Data(document.utf8)), "\(document)")
        }
    }
}

// The reference: JSONDecoder reading the same fields.

/// A record of a list, read with JSONDecoder: only the fields named by `Keys` are taken
/// from the file (the others are never turned into strings), each as text, null or other.
struct DecodedRecord<Keys: CodingKey & CaseIterable>: Decodable {
    var fields = RawFields()

    init(from decoder: Decoder) throws {
        // Not an object: the element's wrapper reports it.
        let container = try decoder.container(keyedBy: Keys.self)
        for key in Keys.allCases {
            do {
                if let text = try container.decodeIfPresent(String.self, forKey: key) { fields.pairs.append((key.stringValue, .text(text))) }
            } catch {
                let found = (try? container.decode(Double.self, forKey: key)) != nil ? "a number"
                    : (try? container.decode(Bool.self, forKey: key)) != nil ? "true or false" : "a list or an object"
                fields.pairs.append((key.stringValue, .other(found)))
            }
        }
    }
}

/// One element of a list of records: the record, or why it is not one.
struct CheckedElement<Record: Decodable>: Decodable {
    var record: Record?

    init(from decoder: Decoder) throws {
        record = try? Record(from: decoder)
    }
}

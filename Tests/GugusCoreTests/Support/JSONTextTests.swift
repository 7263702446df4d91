import Foundation
import Testing
@testable import GugusCore

/// JSON written by hand (JSON-LD in pages, open data, the search index) must parse back to
/// the same values, and never close the `<script>` element it sits in.
struct JSONTextTests {
    @Test func stringsRoundTripAndCannotCloseTheScriptElement() throws {
        let values = [
            "SK Bupati Kutim nomor 264/K.503/2023", "", "Perdagangan \"orang\" \\ path", "</script><script>alert(1)</script>",
            "baris\nbaru\ttab\r", "kontrol \u{01}\u{1F}", "pemisah \u{2028} dan \u{2029}", "é ü 日本 🇮🇩", "a‐b – c — d",
        ]
        var bytes: [UInt8] = []
        JSONValue.array(values.map(JSONValue.string)).write(into: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<"))
        #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
        #expect(parsed == values)
    }

    @Test func escapesAreTheShortOnesAndNumbersAreDecimal() {
        let value = JSONValue.object([
            "teks": .string("a\"b\\c\nd\re\tf<g\u{01}h\u{1F}i\u{2028}j\u{2029}k’l"), "angka": .array([.int(0), .int(7), .int(10), .int(1234567), .int(-42)]),
            "lain": .array([.bool(true), .bool(false), .null, .double(2.5), .double(3)]),
        ])
        #expect(value.scriptText == #"{"angka":[0,7,10,1234567,-42],"lain":[true,false,null,2.5,3],"teks":"a\"b\\c\nd\re\tf\u003cg\u0001h\u001fi\u2028j\u2029k’l"}"#)
    }

    /// The open-data files, the datasets' JSON and the locks are written by `encoded()`,
    /// which replaced JSONEncoder: the bytes must be JSONEncoder's, compact and pretty, for
    /// every kind of value (thousands of random documents, every control character).
    @Test func encodedIsByteForByteWhatJSONEncoderWrites() throws {
        var generator = RobustnessTests.SeededGenerator(state: 20261202)
        let pieces = ["a", "Kutai Timur", "\"", "\\", "/", "<", ">", "&", "\u{2028}", "\u{2029}", "é", "日本", "🇮🇩", " ", "\u{7F}", "’"]
            + (0..<0x20).map { String(Character(Unicode.Scalar(UInt8($0)))) }
        let doubles: [Double] = [0.1, 2.5, -0.5, 3, 1e15, 9.999e15, 1e16, 1e20, 1e-7, 123456.789, 1.0 / 3.0, -0.0, 1e21, 0.0001, 9007199254740993]
        func text() -> String { (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined() }
        func value(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth < 3 ? 8 : 6), using: &generator) {
            case 0: return .string(text())
            case 1: return .int(Int.random(in: -1_000_000...1_000_000, using: &generator))
            case 2: return .double(doubles.randomElement(using: &generator) ?? 0)
            case 3: return .double(Double.random(in: -1e6...1e6, using: &generator))
            case 4: return .bool(Bool.random(using: &generator))
            case 5: return .null
            case 6: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in value(depth + 1) })
            default:
                var object: [String: JSONValue] = [:]
                for _ in 0..<Int.random(in: 0...4, using: &generator) { object[text()] = value(depth + 1) }
                return .object(object)
            }
        }
        for _ in 0..<3000 {
            let document = value(0)
            for pretty in [false, true] {
                let encoder = JSONEncoder()
                encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
                let expected = try encoder.encode(document)
                let written = document.encoded(pretty: pretty)
                #expect(written == expected, "\(String(decoding: written, as: UTF8.self)) ≠ \(String(decoding: expected, as: UTF8.self))")
                if written != expected { return }
            }
        }
    }

    @Test func wholeNumbersAreWrittenAsSwiftWritesThem() {
        var numbers = [0, 1, 9, 10, 11, 99, 100, 101, 1_000_000, 1_796_293_857, 999_999_999, Int.max, -1, -10, Int.min]
        var generator = SystemRandomNumberGenerator()
        numbers += (0..<200).map { _ in Int.random(in: 0...Int.max, using: &generator) >> Int.random(in: 0...62, using: &generator) }
        for number in numbers {
            var bytes: [UInt8] = Array("x".utf8)
            JSONValue.writeDecimal(number, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x" + String(number))
        }
    }
}

import Foundation
import Testing
@testable import GugusCore

/// `ByteSearch.replacing` jumps between the places where its patterns' common start occurs:
/// the result must be that of replacing each pattern everywhere, for any text.
@Suite struct ByteSearchReplacingTests {
    static let alignment = [
        (" style=\"text-align: left\"", " class=\"align-left\""),
        (" style=\"text-align: center\"", " class=\"align-center\""),
        (" style=\"text-align: right\"", " class=\"align-right\""),
    ]
    static let unrelated = [("ab", "X"), ("cd", "YY"), ("é🇮🇩", "-")]

    static func expected(_ text: String, _ replacements: [(String, String)]) -> String {
        replacements.reduce(text) { text, pair in text.replacingOccurrences(of: pair.0, with: pair.1) }
    }

    @Test func replacesEveryOccurrenceAsFoundationDoes() {
        var generator = RobustnessTests.SeededGenerator(state: 7)
        let pieces = [" style=\"text-align: left\"", " style=\"text-align: center\"", " style=\"text-align: right\"",
                      " style=\"text-align: ", " style=\"text-align: lef", "<td", ">", " ", "  style", "ab", "cd", "a", "b",
                      "é🇮🇩", "é", "🇮🇩", "x", "\n"]
        for replacements in [Self.alignment, Self.unrelated] {
            for _ in 0..<2000 {
                let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
                #expect(ByteSearch.replacing(text, replacements) == Self.expected(text, replacements), "\(text.debugDescription)")
            }
        }
        #expect(ByteSearch.replacing("<th style=\"text-align: center\">A</th>", Self.alignment) == "<th class=\"align-center\">A</th>")
    }
}

import Testing
@testable import GugusCore

/// Calendar lines longer than 75 octets fold (RFC 5545 §3.1), never inside a UTF-8
/// sequence: the byte-wise folding gives what folding scalar by scalar gives.
@Suite struct ICalendarFoldTests {
    /// The rule written scalar by scalar, as the oracle.
    static func foldedByScalars(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var count = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > limit {
                result += "\r\n "
                count = 0
                limit = 74
            }
            result.unicodeScalars.append(scalar)
            count += size
        }
        return result
    }

    @Test func shortLinesStayAndLongOnesFoldAt75Octets() {
        let short = "SUMMARY:Rakor Gugus Tugas TPPO"
        #expect(ICalendar.fold(short) == short)
        let long = "DESCRIPTION:" + String(repeating: "a", count: 100)
        let folded = ICalendar.fold(long)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count == 2 && lines[0].utf8.count == 75 && lines[1].hasPrefix(" ") && lines[1].utf8.count == 38)
    }

    @Test func bytewiseFoldingMatchesScalarFolding() {
        let pieces = ["Sosialisasi ", "é", "日本", "🇮🇩", "–", "’", "a", "SK Bupati Kutim nomor 264/K.503/2023 ", "\u{301}"]
        var line = "DESCRIPTION:"
        for index in 0..<300 {
            line += pieces[index * 5 % pieces.count]
            let folded = ICalendar.fold(line)
            #expect(folded == Self.foldedByScalars(line))
            #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        }
    }
}

import SwiftCSV

/// Reads an RFC 4180 CSV file (header row, comma separated) into a `DataTable`.
enum CSVTableReader {
    static func read(_ source: SourceText) -> Result<DataTable, Diagnostic> {
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: source.text, delimiter: .comma, loadColumns: false)
        } catch {
            return .failure(Diagnostic(
                file: source.path, message: "the CSV file cannot be read: \(error)",
                hint: "check that every quote \" is closed; a cell with a comma or a line break must be in quotes"))
        }
        let columns = csv.header.map(\.trimmingSpaces)
        if columns.isEmpty || columns.allSatisfy(\.isEmpty) {
            return .failure(Diagnostic(
                file: source.path, message: "the CSV file has no header row",
                hint: "the first line names the columns, e.g. `tahun,laporan`"))
        }
        if let blank = columns.firstIndex(of: "") {
            return .failure(Diagnostic(
                file: source.path, line: 1, message: "column \(blank + 1) of the header has no name",
                hint: "give every column a name in the first line"))
        }
        var seen = Set<String>()
        for name in columns where !seen.insert(name).inserted {
            return .failure(Diagnostic(
                file: source.path, line: 1, message: "the column \"\(name)\" appears twice in the header",
                hint: "give each column its own name"))
        }
        var rows: [[String]] = []
        for (index, row) in csv.rows.enumerated() {
            if row.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            guard row.count == columns.count else {
                return .failure(Diagnostic(
                    file: source.path, line: index + 2,
                    message: "row \(index + 1) has \(row.count) cells but the header has \(columns.count) columns",
                    hint: "every line needs one value per column, separated by commas; put a cell with a comma in quotes"))
            }
            rows.append(row.map(\.trimmingSpaces))
        }
        return .success(DataTable(columns: columns, rows: rows))
    }
}

import Foundation

/// Datasets as files for reuse: CSV (RFC 4180) and JSON beside the dataset's page.
enum DataExport {
    /// CRLF line ends, cells quoted when needed, and cells that a spreadsheet would run as a
    /// formula (`=`, `+`, `-`, `@` not followed by a plain number) prefixed with `'`.
    static func csv(_ table: DataTable) -> String {
        var lines = [table.columns.map(cell).joined(separator: ",")]
        for row in table.rows { lines.append(row.map(cell).joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// A dataset as JSON: its description, and its rows with numbers kept as numbers
    /// (whole numbers without a decimal point).
    static func json(_ dataset: ResolvedDataset, site: Site) -> Data {
        let table = dataset.fields.table
        let numeric = Set(table.numericColumns)
        let rows = table.rows.map { row -> JSONValue in
            var object: [String: JSONValue] = [:]
            for (index, column) in table.columns.enumerated() {
                let cell = index < row.count ? row[index] : ""
                if numeric.contains(column), let number = Double(cell) {
                    object[column] = number.rounded() == number && abs(number) < 1e15 ? .int(Int(number)) : .double(number)
                } else {
                    object[column] = .string(cell)
                }
            }
            return .object(object)
        }
        let fields = dataset.fields
        let document = JSONValue.record([
            "title": .string(dataset.item.title), "description": .text(fields.description), "source": .text(fields.source),
            "unit": .text(fields.unit), "x": .string(fields.x), "series": .array(fields.series.map(JSONValue.string)),
            "columns": .array(table.columns.map(JSONValue.string)), "rows": .array(rows),
            "url": .string(site.config.baseURL + dataset.url), "csv": .string(site.config.baseURL + dataset.csvURL),
        ])
        return document.encoded(pretty: true) + Data("\n".utf8)
    }
}

import CQRencode

/// A QR code drawn as SVG (libqrencode makes the modules): a printed report leads back to
/// the page it names. Error correction level M (15 %), 8-bit mode, a quiet zone of four modules.
enum QRCode {
    /// The dark modules of `text`, row by row; nil when the text cannot be encoded (too long).
    static func modules(_ text: String) -> [[Bool]]? {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        return (0..<width).map { row in (0..<width).map { column in data[row * width + column] & 1 == 1 } }
    }

    /// An `<svg>` of `size` CSS pixels with one path of unit squares, labelled for screen readers.
    static func svg(_ text: String, size: Int = 96, label: String) -> String? {
        guard let modules = modules(text) else { return nil }
        let quiet = 4
        let side = modules.count + 2 * quiet
        var path = ""
        for (row, cells) in modules.enumerated() {
            var column = 0
            while column < cells.count {
                guard cells[column] else { column += 1; continue }
                var run = 1
                while column + run < cells.count && cells[column + run] { run += 1 }
                path += "M\(column + quiet) \(row + quiet)h\(run)v1h-\(run)z"
                column += run
            }
        }
        return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(size)\" height=\"\(size)\" "
            + "role=\"img\" aria-label=\"\(FastHTMLContentType().escapeText(label))\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }
}

import Foundation

/// Content-hashed names for the theme's assets: `style.css` is also published as
/// `style.3f9a1c0b2d.css`, and the templates' references to `/assets/style.css` are written
/// with the hashed name, so that a host may keep the file for a year (a changed file gets a
/// new name). The plain names stay published for what the templates do not write (a
/// stylesheet's own `url(…)`, links from elsewhere).
enum AssetFingerprints {
    /// `style.css` → `style.3f9a1c0b2d.css` (ten hexadecimal digits of a 64-bit hash of the bytes).
    static func hashedPath(_ path: String, data: Data) -> String {
        let hex = String(WrittenFiles.hash(data), radix: 16)
        let tag = String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(10))
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let nameStart = slash.map { path.index(after: $0) } ?? path.startIndex
        // The extension starts at the last dot of the name (not a leading one).
        if let dot = path[nameStart...].utf8.lastIndex(of: UInt8(ascii: ".")), dot > nameStart {
            return String(path[..<dot]) + "." + tag + String(path[dot...])
        }
        return path + "." + tag
    }

    /// `/assets/PATH` → `/assets/HASHED` for every asset.
    static func addresses(of assets: [(path: String, data: Data)]) -> [String: String] {
        Dictionary(assets.map { (SiteAddress.asset($0.path), SiteAddress.asset(hashedPath($0.path, data: $0.data))) }) { first, _ in first }
    }

    /// The bytes a path of an address may hold (the rest ends it).
    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return byte >= 0x80 || "-._~/%+@".utf8.contains(byte)
        }
    }

    /// A template's text with each whole `/assets/PATH` of a known asset written with its
    /// hashed name (`/assets/style.css.map` is another path and stays).
    static func rewriting(_ addresses: [String: String], in source: String) -> String {
        guard !addresses.isEmpty else { return source }
        let marker = Array(SiteAddress.assetsFolder.utf8)
        var source = source
        return source.withUTF8 { bytes in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            var changed = false
            while index + marker.count <= bytes.count {
                guard bytes[index] == marker[0], (0..<marker.count).allSatisfy({ bytes[index + $0] == marker[$0] }),
                    index == 0 || !isPathByte(bytes[index - 1])
                else {
                    index += 1
                    continue
                }
                var end = index + marker.count
                while end < bytes.count && isPathByte(bytes[end]) { end += 1 }
                if let hashed = addresses[String(decoding: bytes[index..<end], as: UTF8.self)] {
                    if !changed { output.reserveCapacity(bytes.count + 64) }
                    changed = true
                    output.append(contentsOf: bytes[copied..<index])
                    output.append(contentsOf: hashed.utf8)
                    copied = end
                }
                index = end
            }
            guard changed else { return String(decoding: bytes, as: UTF8.self) }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}

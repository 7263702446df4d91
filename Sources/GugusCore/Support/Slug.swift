import Foundation

/// Slugs: lower-case ASCII letters, digits and dashes. Used for URLs and anchors.
public enum Slug {
    /// Turns any text into a slug: folds accents ("é" → "e"), lower-cases, and joins runs of
    /// other characters with a single dash. `264/K.503/2023` → `264-k-503-2023`.
    public static func make(from text: String, maxLength: Int = 80) -> String {
        var result = ""
        var pendingDash = false
        // ASCII text has nothing to decompose (and Foundation's decomposition is slow).
        let source = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.decomposedStringWithCanonicalMapping
        for scalar in source.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39, 0x41...0x5A:
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                let lower = scalar.value >= 0x61 || scalar.value <= 0x39 ? scalar.value : scalar.value + 0x20
                result.unicodeScalars.append(Unicode.Scalar(UInt8(lower)))
            case 0x300...0x36F:
                continue  // a combining accent left by the decomposition
            default:
                pendingDash = true
            }
            if result.utf8.count >= maxLength { break }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// Whether a slug written by hand is valid: lower-case letters, digits, single dashes
    /// between them, at most 120 characters.
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.utf8.count <= 120 else { return false }
        guard slug.first != "-", slug.last != "-", !ByteSearch.contains(slug, "--") else { return false }
        return slug.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}

import CStemmer

/// Snowball's stemmer for a site's language (Debian's libstemmer): `diperdagangkan`,
/// `memperdagangkan` and `perdagangan` all give `dagang`. One stemmer is not safe to share
/// between threads, so each piece of parallel work makes its own.
struct Stemmer: ~Copyable {
    private let stemmer: OpaquePointer

    /// The Snowball algorithm for a site language (`id`, `en`, …); nil for a language
    /// Snowball has no stemmer for, whose words are then indexed as they are.
    static func algorithm(for language: String) -> String? {
        let code = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        let names = ["id": "indonesian", "en": "english", "ms": "indonesian", "nl": "dutch", "fr": "french", "de": "german",
                     "es": "spanish", "pt": "portuguese", "it": "italian"]
        return names[code]
    }

    init?(language: String) {
        guard let algorithm = Self.algorithm(for: language), let stemmer = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a folded word (lower case, no diacritics); the word itself when the
    /// stemmer gives nothing.
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress,
                  let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return String(decoding: bytes, as: UTF8.self) }
            let length = Int(sb_stemmer_length(stemmer))
            guard length > 0 else { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }

    /// The stem of each word, worked out on every core.
    static func stems(of words: [String], language: String) -> [String] {
        guard algorithm(for: language) != nil else { return words }
        let chunkSize = 2048
        let chunks = stride(from: 0, to: words.count, by: chunkSize).map { Array(words[$0..<min(words.count, $0 + chunkSize)]) }
        return ParallelMap.map(chunks) { chunk -> [String] in
            guard let stemmer = Stemmer(language: language) else { return chunk }
            return chunk.map { stemmer.stem($0) }
        }.flatMap { $0 }
    }
}

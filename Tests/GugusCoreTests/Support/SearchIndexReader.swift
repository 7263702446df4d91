import Foundation

/// Reads a built search index the way `/assets/search.js` does (the format documented in
/// `SearchIndex`): a folded word of the site leads to its shard, a pointer to its stem, a
/// stem to its pages. Files come from `load` (the output folder, or HTTP in the server tests).
struct SearchIndexReader {
    struct Result: Equatable {
        var url: String
        var title: String
        var kind: String
        var score: Double
    }

    let manifest: [String: Any]
    let load: (String) -> Data?

    init?(load: @escaping (String) -> Data?) {
        guard let data = load("search-index.json"),
              let manifest = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        self.manifest = manifest
        self.load = load
    }

    init?(folder: String) {
        self.init { FileManager.default.contents(atPath: folder + "/" + $0) }
    }

    var shardKeys: [String] { manifest["shards"] as? [String] ?? [] }

    func shard(_ number: Int) -> (keys: [String], entries: [Any])? {
        guard let data = load("search-index/s\(number).json"),
              let value = (try? JSONSerialization.jsonObject(with: data)) as? [Any],
              value.count == 2, let keys = value[0] as? [String], let entries = value[1] as? [Any] else { return nil }
        return (keys, entries)
    }

    /// The shard whose range holds the word: the last one whose first key is not after it.
    func shardNumber(of word: String) -> Int {
        let keys = shardKeys
        var number = 0
        for (index, key) in keys.enumerated() where !word.utf16.lexicographicallyPrecedes(key.utf16) { number = index }
        return number
    }

    func entry(_ word: String) -> Any? {
        guard !shardKeys.isEmpty, let shard = shard(shardNumber(of: word)),
              let position = shard.keys.firstIndex(of: word) else { return nil }
        return shard.entries[position]
    }

    /// The stem a word of the site leads to (itself when it is a stem), nil when the site lacks it.
    func stem(of word: String) -> String? {
        switch entry(word) {
        case let pointer as String: pointer
        case is [Any]: word
        default: nil
        }
    }

    /// Page numbers and levels of a stem, decoded from its postings string.
    func postings(ofStem stem: String) -> (rarity: Int, pages: [(page: Int, level: Int)], forms: [String])? {
        guard let entry = entry(stem) as? [Any], entry.count >= 3, let text = entry[0] as? String,
              let rarity = entry[1] as? Int, let forms = entry[2] as? [String] else { return nil }
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_")
        var pages: [(Int, Int)] = []
        var page = 0
        var value = 0
        for character in text {
            guard let digit = digits.firstIndex(of: character) else { return nil }
            value = value * 32 + digit & 31
            if digit >= 32 { continue }
            page += value >> 3
            pages.append((page, value & 7))
            value = 0
        }
        return (rarity, pages, forms)
    }

    func document(_ number: Int) -> [String]? {
        let perChunk = manifest["documentsPerChunk"] as? Int ?? 1
        guard let data = load("search-index/d\(number / perChunk).json"),
              let chunk = (try? JSONSerialization.jsonObject(with: data)) as? [[String]], number % perChunk < chunk.count else { return nil }
        return chunk[number % perChunk]
    }

    /// The results of a query of whole words (no word being typed), best first, as the script
    /// ranks them: every word must match; a page's score is the sum of its stems' rarity × level.
    func search(_ query: String) -> [Result] {
        let stopWords = Set(manifest["stopWords"] as? [String] ?? [])
        let words = query.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 1 && !stopWords.contains($0) }
        guard !words.isEmpty else { return [] }
        var scores: [Int: Double]?
        for word in words {
            var found: [Int: Double] = [:]
            if let stem = stem(of: word), let postings = postings(ofStem: stem) {
                for (page, level) in postings.pages { found[page] = Double(postings.rarity) * (Double(level) + 0.5) }
            }
            if let current = scores {
                var both: [Int: Double] = [:]
                for (page, score) in current { if let more = found[page] { both[page] = score + more } }
                scores = both
            } else {
                scores = found
            }
        }
        return (scores ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.compactMap { page, score in
            document(page).map { Result(url: $0[1], title: $0[0], kind: $0[2], score: score) }
        }
    }

    func urls(_ query: String) -> [String] { search(query).map(\.url) }
}

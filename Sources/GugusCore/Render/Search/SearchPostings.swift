import Foundation

/// The inverted index of the search: every folded word of the site (and every stem) in
/// sorted order. The most common word of a stem holds the stem's pages with their scores
/// and the site's other words of that stem; the others name it (`diperdagangkan` →
/// `perdagangan`, `dagang` → `perdagangan`).
struct SearchPostings {
    enum Entry {
        /// A word whose pages are under another word of its stem (the stem's home).
        case pointer(stem: String)
        /// A stem's home: the stem's rarity (BM25's idf, in tenths), its pages (page number,
        /// level) in page order, the site's other words of this stem, and another home to
        /// follow when the word is also the spelling of another stem.
        case stem(rarity: Int, pages: [(page: Int, level: Int)], forms: [String], ownStem: String?)
    }

    /// Words in the order the script compares them (UTF-16 code units).
    private(set) var keys: [String] = []
    private(set) var entries: [Entry] = []

    /// BM25's constants: how soon repeating a word stops adding to a page's score, and how
    /// much a long page is held back.
    static let k1: Float = 1.2
    /// A form on fewer pages than this is never copied (its pointer costs little).
    static let copyMinimumPages = 20
    static let b: Float = 0.75

    init(_ pages: [CountedTerms], language: String) {
        // Every distinct word, numbered: ASCII words in a table keyed by their bytes (a site
        // has millions of words, and Swift's `Hasher` was a tenth of the index's time),
        // others by `String` equality, which takes canonically equivalent spellings for one.
        // Each page's words by number, all pages one after another (`pageStart`).
        var asciiWords = KnownWords()
        var asciiNumbers: [Int] = []
        var otherNumbers: [String: Int] = [:]
        var words: [String] = []
        func isASCII(_ term: String) -> Bool { term.utf8.allSatisfy { $0 < 0x80 } }
        func number(of term: String) -> Int? {
            guard isASCII(term) else { return otherNumbers[term] }
            return asciiWords.index(of: term).map { asciiNumbers[$0] }
        }
        var pageStart = [0]
        pageStart.reserveCapacity(pages.count + 1)
        var pageWords: [Int] = []
        pageWords.reserveCapacity(pages.reduce(0) { $0 + $1.lengths.count })
        for page in pages {
            page.bytes.withUnsafeBufferPointer { bytes in
                var start = 0
                for (length, ascii) in zip(page.lengths, page.ascii) {
                    let term = UnsafeBufferPointer(rebasing: bytes[start..<start + Int(length)])
                    start += Int(length)
                    if ascii {
                        let slot = asciiWords.insert(term)
                        if !slot.added {
                            pageWords.append(asciiNumbers[slot.index])
                            continue
                        }
                        asciiNumbers.append(words.count)
                        words.append(String(decoding: term, as: UTF8.self))
                    } else {
                        let text = String(decoding: term, as: UTF8.self)
                        if let number = otherNumbers[text] {
                            pageWords.append(number)
                            continue
                        }
                        otherNumbers[text] = words.count
                        words.append(text)
                    }
                    pageWords.append(words.count - 1)
                }
            }
            pageStart.append(pageWords.count)
        }
        // Every distinct stem, numbered; each word's stem number.
        let stemOfWord = Stemmer.stems(of: words, language: language)
        var stemNumbers: [String: Int] = [:]
        var stems: [String] = []
        let wordStem: [Int] = stemOfWord.map { stem in
            if let number = stemNumbers[stem] { return number }
            stemNumbers[stem] = stems.count
            stems.append(stem)
            return stems.count - 1
        }
        // Each page's weighted count of each of its stems outside the title, and whether the
        // title has it: all stems' pages in one array, stem after stem (`stemStart`), each
        // stem's pages in page order.
        var pageCount = [Int](repeating: 0, count: stems.count)
        var seen = [Bool](repeating: false, count: stems.count)
        var touched: [Int] = []
        for page in pages.indices {
            for word in pageWords[pageStart[page]..<pageStart[page + 1]] {
                let stem = wordStem[word]
                if !seen[stem] { seen[stem] = true; touched.append(stem) }
            }
            for stem in touched {
                pageCount[stem] += 1
                seen[stem] = false
            }
            touched.removeAll(keepingCapacity: true)
        }
        var stemStart = [Int](repeating: 0, count: stems.count + 1)
        for stem in stems.indices { stemStart[stem + 1] = stemStart[stem] + pageCount[stem] }
        var postings = [(page: Int, count: Float, inTitle: Bool)](repeating: (0, 0, false), count: stemStart[stems.count])
        var filled = Array(stemStart.dropLast())
        var counts = [Float](repeating: 0, count: stems.count)
        var titled = [Bool](repeating: false, count: stems.count)
        for page in pages.indices {
            let weights = pages[page].weights
            let inTitle = pages[page].inTitle
            let first = pageStart[page]
            for (position, word) in pageWords[first..<pageStart[page + 1]].enumerated() {
                let stem = wordStem[word]
                if !seen[stem] { seen[stem] = true; touched.append(stem) }
                counts[stem] += weights[position]
                titled[stem] = titled[stem] || inTitle[position]
            }
            for stem in touched {
                postings[filled[stem]] = (page, counts[stem], titled[stem])
                filled[stem] += 1
                counts[stem] = 0
                titled[stem] = false
                seen[stem] = false
            }
            touched.removeAll(keepingCapacity: true)
        }
        // Scores: BM25 with the weighted counts, as the stem's rarity times a page's level
        // (0–7); a word in the title puts the page in the upper half, above every page that
        // has it only in the summary or body.
        let total = Float(pages.count)
        let averageLength = max(1, Float(pages.reduce(0) { $0 + $1.wordCount }) / max(1, total))
        let rarities: [Int] = pageCount.map { count in
            let frequency = Float(count)
            return max(1, Int((log(1 + (total - frequency + 0.5) / (frequency + 0.5)) * 10).rounded()))
        }
        let scored: [[(page: Int, level: Int)]] = stems.indices.map { stem in
            postings[stemStart[stem]..<stemStart[stem + 1]].map { entry in
                let length = Float(max(1, pages[entry.page].wordCount))
                let norm = Self.k1 * (1 - Self.b + Self.b * length / averageLength)
                let saturation = entry.count / (entry.count + norm)
                let level = min(3, Int(saturation * 4)) + (entry.inTitle ? 4 : 0)
                return (entry.page, level)
            }
        }
        // Each stem's pages are kept under its home: the site's word of that stem found on
        // the most pages (then the shorter, then the first in order), the form a reader most
        // likely types, so that it is found in one lookup. Every other word of the stem, and
        // the stem itself when the site does not write it, points to the home.
        var wordPages = [Int](repeating: 0, count: words.count)
        for word in pageWords { wordPages[word] += 1 }
        var home = [Int](repeating: -1, count: stems.count)
        for (word, stem) in wordStem.enumerated() {
            let current = home[stem]
            if current < 0 || wordPages[word] > wordPages[current]
                || (wordPages[word] == wordPages[current] && (words[word].count, words[word]) < (words[current].count, words[current])) {
                home[stem] = word
            }
        }
        var forms: [[String]] = Array(repeating: [], count: stems.count)
        for (word, stem) in wordStem.enumerated() where home[stem] != word { forms[stem].append(words[word]) }
        let byUTF16 = { (a: String, b: String) in a.utf16.lexicographicallyPrecedes(b.utf16) }
        keys = Set(words).union(stems).sorted(by: byUTF16)
        entries = keys.map { key in
            let ownStem = stemNumbers[key]
            guard let word = number(of: key) else { return .pointer(stem: words[home[ownStem ?? 0]]) }
            let stem = wordStem[word]
            // A word that is also another stem's own spelling leads to that stem's home too.
            let also = ownStem.flatMap { $0 == stem ? nil : words[home[$0]] }
            guard home[stem] == word else {
                // A common form (on at least a quarter as many pages as the home) holds a copy
                // of the stem's pages, so that it too is found in one lookup (`pekerja` beside
                // its home `kerja`): a pointer costs the reader a second shard.
                guard wordPages[word] >= Self.copyMinimumPages, wordPages[word] * 4 >= wordPages[home[stem]] else {
                    return .pointer(stem: words[home[stem]])
                }
                let others = (forms[stem].filter { $0 != key } + [words[home[stem]]]).sorted(by: byUTF16)
                return .stem(rarity: rarities[stem], pages: scored[stem], forms: others, ownStem: also)
            }
            return .stem(rarity: rarities[stem], pages: scored[stem], forms: forms[stem].sorted(by: byUTF16), ownStem: also)
        }
    }

    /// The entries cut into shards of about `SearchIndex.shardBytes`: each shard's bytes
    /// (`[[keys…],[entries…]]`) and first key.
    func shards() -> (bytes: [[UInt8]], firstKeys: [String]) {
        var shards: [[UInt8]] = []
        var firstKeys: [String] = []
        var keyBytes: [UInt8] = []
        var entryBytes: [UInt8] = []
        var entry: [UInt8] = []
        func close() {
            guard !keyBytes.isEmpty else { return }
            shards.append(Array("[[".utf8) + keyBytes + Array("],[".utf8) + entryBytes + Array("]]\n".utf8))
            keyBytes.removeAll(keepingCapacity: true)
            entryBytes.removeAll(keepingCapacity: true)
        }
        for (key, value) in zip(keys, entries) {
            entry.removeAll(keepingCapacity: true)
            Self.write(value, into: &entry)
            if keyBytes.isEmpty {
                firstKeys.append(key)
            } else {
                keyBytes.append(UInt8(ascii: ","))
                entryBytes.append(UInt8(ascii: ","))
            }
            JSONValue.writeString(key, into: &keyBytes)
            entryBytes += entry
            if keyBytes.count + entryBytes.count >= SearchIndex.shardBytes { close() }
        }
        close()
        return (shards, firstKeys)
    }

    /// A pointer as its stem (`"dagang"`); a stem as `["postings", rarity, [forms…]]`, plus
    /// the word's own stem when it has one. Postings are one number per page, the gap from
    /// the previous page number times 8 plus the level, each written in base 32 with the
    /// characters of `digits`: `0`–`v` end a number, `w`–`_` carry its higher digits (so a
    /// common word costs one character a page).
    private static func write(_ entry: Entry, into bytes: inout [UInt8]) {
        switch entry {
        case let .pointer(stem):
            JSONValue.writeString(stem, into: &bytes)
        case let .stem(rarity, pages, forms, ownStem):
            bytes += "[\"".utf8
            var previous = 0
            for page in pages {
                writeNumber((page.page - previous) * 8 + page.level, into: &bytes)
                previous = page.page
            }
            bytes += "\",".utf8
            JSONValue.writeDecimal(rarity, into: &bytes)
            bytes += ",[".utf8
            for (position, form) in forms.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONValue.writeString(form, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
            if let ownStem {
                bytes.append(UInt8(ascii: ","))
                JSONValue.writeString(ownStem, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }

    /// The 64 characters of postings: the first 32 end a number, the last 32 do not.
    static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    static func writeNumber(_ number: Int, into bytes: inout [UInt8]) {
        // The highest digit first, without a buffer: this runs once per page of every word.
        var shift = 0
        while number >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            bytes.append(digits[32 + (number >> shift) & 31])
            shift -= 5
        }
        bytes.append(digits[number & 31])
    }
}

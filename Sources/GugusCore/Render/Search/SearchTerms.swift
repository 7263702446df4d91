import Foundation

/// The distinct folded words of one page for the search index, read from its UTF-8 bytes,
/// each with its weighted count (a word in the title counts more than one in the body).
/// ASCII words are lowered byte by byte; only words with other letters go through
/// Foundation's folding. Words are told apart by their bytes in a small hash table, so a
/// word seen again (most words of a text) costs no `String` and no `Set` insertion.
struct SearchTerms {
    /// The words of the page seen so far, after the stop words (the table's first entries):
    /// a stop word is then a word already seen, and no word of a page needs a `String` to
    /// be checked against them. The page's terms are the other entries, in order. (One
    /// table serves a run of pages, emptied down to the stop words after each.)
    private var known = Self.stopWordTable
    /// The weighted count of each term outside the title, in the order of the terms.
    private var weights: [Float] = []
    /// Whether each term is in the title.
    private var inTitle: [Bool] = []
    /// Whether each term's bytes are all ASCII.
    private var ascii: [Bool] = []
    /// How many words were counted (stop words and repeats included), for the length of
    /// the page in the ranking.
    private var wordCount = 0
    /// The current word's bytes (ASCII letters already lower case), kept in a buffer of
    /// `wordCapacity` bytes that `counted` lends the reader, and its length in scalars. (A
    /// word too long for the buffer is longer than any term, and is not counted.)
    private var word: UnsafeMutablePointer<UInt8>
    private var wordBytes = 0
    private var length = 0
    private var isASCII = true
    /// The weight of the field being read, and whether it is the title.
    private var weight: Float = 1
    private var readingTitle = false

    private static let stopWordTable: KnownWords = {
        var table = KnownWords()
        for word in SearchIndex.stopWords {
            var bytes = Array(word.utf8)
            _ = bytes.withUnsafeMutableBufferPointer { table.insert(UnsafeBufferPointer($0)) }
        }
        return table
    }()
    private static let stopWordCount = SearchIndex.stopWords.count

    /// A page's title and its other texts, each with the weight of its words.
    typealias Page = (title: String, fields: [(text: String, weight: Float)])

    /// The terms of a page's title and other fields, each field's words counted with its
    /// weight; reading stops once `limit` distinct terms were found.
    static func counted(title: String, _ fields: [(text: String, weight: Float)], limit: Int) -> CountedTerms {
        counted([(title, fields)], limit: limit).first ?? CountedTerms()
    }

    /// The terms of each page, read in turn with one table and one buffer.
    static func counted(_ pages: [Page], limit: Int) -> [CountedTerms] {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: wordCapacity) { buffer in
            // (A buffer of at least the capacity asked for: never nil.)
            guard let base = buffer.baseAddress else { return pages.map { _ in CountedTerms() } }
            var reader = SearchTerms(word: base)
            return pages.map { reader.counted(title: $0.title, $0.fields, limit: limit) }
        }
    }

    /// Bytes enough for the longest term (32 scalars of up to 4 bytes).
    private static let wordCapacity = 128

    private init(word: UnsafeMutablePointer<UInt8>) {
        self.word = word
    }

    /// One page's terms; the reader is left empty for the next page.
    private mutating func counted(title: String, _ fields: [(text: String, weight: Float)], limit: Int) -> CountedTerms {
        var title = title
        readingTitle = true
        title.withUTF8 { read($0, limit: limit) }
        readingTitle = false
        for (text, weight) in fields where weights.count < limit {
            var text = text
            self.weight = weight
            text.withUTF8 { read($0, limit: limit) }
        }
        let (bytes, lengths) = known.entries(from: Self.stopWordCount)
        let counted = CountedTerms(bytes: bytes, lengths: lengths, ascii: ascii, weights: weights, inTitle: inTitle, wordCount: wordCount)
        known.removeEntries(from: Self.stopWordCount)
        weights.removeAll(keepingCapacity: true)
        inTitle.removeAll(keepingCapacity: true)
        ascii.removeAll(keepingCapacity: true)
        (wordCount, weight, wordBytes, length, isASCII) = (0, 1, 0, 0, true)
        return counted
    }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                // A run of ASCII letters (lowered) and digits, read in one loop: most of a
                // text is such runs.
                var end = index
                var stored = wordBytes
                while end < bytes.count {
                    let current = bytes[end]
                    let lowered = current | 0x20
                    let kept: UInt8
                    if lowered >= 0x61 && lowered <= 0x7A {
                        kept = lowered
                    } else if current >= 0x30 && current <= 0x39 {
                        kept = current
                    } else {
                        break
                    }
                    if stored < Self.wordCapacity { word[stored] = kept }
                    stored += 1
                    end += 1
                }
                if end > index {
                    length += end - index
                    wordBytes = stored
                    index = end
                    continue
                }
                // Anything else ASCII ends a word.
                index += 1
                if length > 0 { finish() }
                if weights.count >= limit { return }
                continue
            }
            let (scalar, size) = Self.decode(bytes, at: index)
            index += size
            if let scalar, scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark {
                UTF8.encode(scalar) { store($0) }
                length += 1
                isASCII = false
            } else {
                if length > 0 { finish() }
                if weights.count >= limit { return }
            }
        }
        if length > 0 && weights.count < limit { finish() }
    }

    private mutating func store(_ byte: UInt8) {
        if wordBytes < Self.wordCapacity { word[wordBytes] = byte }
        wordBytes += 1
    }

    private mutating func finish() {
        defer { wordBytes = 0; length = 0; isASCII = true }
        // (A word of more than 32 scalars may not fit the buffer: it is not a term.)
        guard length >= 2, length <= 32, wordBytes <= Self.wordCapacity else { return }
        wordCount += 1
        let word = UnsafeBufferPointer(start: word, count: wordBytes)
        if isASCII {
            count(known.insert(word), ascii: true)
        } else {
            let term = SearchIndex.fold(String(decoding: word, as: UTF8.self)).filter { $0.isLetter || $0.isNumber }
            guard term.count >= 2 else { return }
            var bytes = Array(term.utf8)
            // (Folding may leave ASCII: `café` is `cafe`.)
            count(bytes.withUnsafeMutableBufferPointer { known.insert(UnsafeBufferPointer($0)) }, ascii: bytes.allSatisfy { $0 < 0x80 })
        }
    }

    /// Adds the field's weight to a known word's count (a new word becomes a term; stop
    /// words, the first entries of the table, are not counted).
    private mutating func count(_ slot: (index: Int, added: Bool), ascii isASCII: Bool) {
        let index = slot.index - Self.stopWordCount
        guard index >= 0 else { return }
        if slot.added {
            weights.append(readingTitle ? 0 : weight)
            inTitle.append(readingTitle)
            ascii.append(isASCII)
        } else if readingTitle {
            inTitle[index] = true
        } else {
            weights[index] += weight
        }
    }

    /// The scalar starting at `index` and its length in bytes; nil for bytes that are not
    /// UTF-8 (never the case in a Swift `String`).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[index]
        let size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard size > 1, index + size <= bytes.count else { return (nil, 1) }
        var value = UInt32(lead) & (0xFF >> UInt32(size + 1))
        for offset in 1..<size { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value), size)
    }
}

/// A set of byte strings with open addressing, each numbered in the order it was added:
/// the few hundred words of a page, or every word of a site.
struct KnownWords: Sendable {
    private var slots = [Int32](repeating: -1, count: 2048)
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var bytes: [UInt8] = []

    /// Adds the word; its index in the order of insertion, and whether it was new.
    @discardableResult
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> (index: Int, added: Bool) {
        if starts.count * 2 >= slots.count { grow() }
        var slot = Self.hash(word) & (slots.count - 1)
        if let found = find(word, from: &slot) { return (found, false) }
        slots[slot] = Int32(starts.count)
        starts.append(bytes.count)
        lengths.append(word.count)
        bytes.append(contentsOf: word)
        return (starts.count - 1, true)
    }

    /// Adds the word (its UTF-8 bytes).
    @discardableResult
    mutating func insert(_ word: String) -> (index: Int, added: Bool) {
        var word = word
        return word.withUTF8 { insert($0) }
    }

    /// The word's index, if it was added.
    func index(of word: String) -> Int? {
        var word = word
        return word.withUTF8 { buffer in
            var slot = Self.hash(buffer) & (slots.count - 1)
            return find(buffer, from: &slot)
        }
    }

    /// The bytes of the entries from `first` on, one after another, and each one's length.
    func entries(from first: Int) -> (bytes: [UInt8], lengths: [UInt32]) {
        guard first < starts.count else { return ([], []) }
        return (Array(bytes[starts[first]...]), lengths[first...].map { UInt32(truncatingIfNeeded: $0) })
    }

    /// Forgets the entries from `first` on. (Latest first: the slots an entry's search
    /// passed were taken when it was added, by entries added before it.)
    mutating func removeEntries(from first: Int) {
        guard first < starts.count else { return }
        let mask = slots.count - 1
        bytes.withUnsafeBufferPointer { stored in
            for entry in (first..<starts.count).reversed() {
                var slot = Self.hash(UnsafeBufferPointer(rebasing: stored[starts[entry]..<starts[entry] + lengths[entry]])) & mask
                while slots[slot] != Int32(entry) { slot = (slot + 1) & mask }
                slots[slot] = -1
            }
        }
        bytes.removeSubrange(starts[first]...)
        starts.removeSubrange(first...)
        lengths.removeSubrange(first...)
    }

    /// The word's index, or nil with `slot` at the free slot where it belongs.
    private func find(_ word: UnsafeBufferPointer<UInt8>, from slot: inout Int) -> Int? {
        let mask = slots.count - 1
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if lengths[entry] == word.count && Self.equal(bytes, from: starts[entry], word) { return entry }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash)
    }

    private static func equal(_ bytes: [UInt8], from start: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress, let other = word.baseAddress else { return word.isEmpty }
            return memcmp(base + start, other, word.count) == 0
        }
    }

    /// Twice the slots, every word placed again (its bytes stay where they are).
    private mutating func grow() {
        var slots = [Int32](repeating: -1, count: self.slots.count * 2)
        let mask = slots.count - 1
        bytes.withUnsafeBufferPointer { stored in
            for entry in starts.indices {
                var slot = Self.hash(UnsafeBufferPointer(rebasing: stored[starts[entry]..<starts[entry] + lengths[entry]])) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(entry)
            }
        }
        self.slots = slots
    }
}

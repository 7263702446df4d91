import Yams

/// Composes the front matter most files have into the tree Yams composes from it, without
/// libyaml's token and event per value and Yams' composer (together 10 % of the samples of a
/// build of 10,000 files, most of the Load phase).
///
/// It reads only this shape: `key: value` lines; a value is a text in double or single
/// quotes on one line, a plain text on one line, a list in brackets or a map of texts in
/// braces on one line (`{tahun: "2017", laporan: 30}`, a dataset's rows), or, on the lines
/// below its key, `- ` items (texts, maps in braces, or `key: value` lines: a decree's
/// `members`) or one level of nested `key: value` lines; or a list of `- ` items at the top
/// (`regions.yaml`), each a text or `key: value` lines. Lines that are
/// only a comment count as blank. Anything else (comments after a value, escapes, tabs,
/// carriage returns, texts over several lines, empty values, a key written twice, anchors,
/// characters libyaml refuses, more values than `SourceText.Limits.yamlNodes`) gives nil,
/// and Yams reads the text: its mistakes are reported by Yams as before. `SimpleYAMLTests`
/// and the fuzz pass check that every tree it gives is the one Yams gives (texts, styles,
/// tags and places).
enum SimpleYAML {
    static func compose(_ yaml: String) -> Node? {
        guard marksCanBeMade else { return nil }
        return yaml.utf8.withContiguousStorageIfAvailable { bytes -> Node? in
            guard Reader.isPlainText(bytes) else { return nil }
            var reader = Reader(bytes: bytes)
            return reader.document()
        } ?? nil
    }

    /// Yams makes its marks only in its parser (`Mark`'s initializer is internal): one is
    /// made here from its two numbers as Yams lays them out, a line and a column.
    fileprivate static func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    /// Whether a mark made so reads back as made; if Yams ever lays its marks out otherwise,
    /// every text goes to Yams.
    static let marksCanBeMade: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size else { return false }
        let probe = mark(line: 7, column: 19)
        return probe.line == 7 && probe.column == 19
    }()

    /// Whether two trees are the same in everything Yams records: kind, text, tag, style,
    /// place and anchor of every node, in order.
    static func sameTree(_ first: Node, _ second: Node) -> Bool {
        func sameMark(_ a: Mark?, _ b: Mark?) -> Bool { a?.line == b?.line && a?.column == b?.column }
        switch (first, second) {
        case let (.scalar(a), .scalar(b)):
            return a.string == b.string && a.tag.description == b.tag.description && a.style == b.style
                && sameMark(a.mark, b.mark) && a.anchor?.rawValue == b.anchor?.rawValue
        case let (.sequence(a), .sequence(b)):
            return a.count == b.count && a.tag.description == b.tag.description && a.style == b.style
                && sameMark(a.mark, b.mark) && a.anchor?.rawValue == b.anchor?.rawValue
                && zip(a, b).allSatisfy { sameTree($0, $1) }
        case let (.mapping(a), .mapping(b)):
            return a.count == b.count && a.tag.description == b.tag.description && a.style == b.style
                && sameMark(a.mark, b.mark) && a.anchor?.rawValue == b.anchor?.rawValue
                && zip(a, b).allSatisfy { sameTree($0.key, $1.key) && sameTree($0.value, $1.value) }
        default:
            return false
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Each line's first byte and the byte after its last (the line feed's place), and
        /// whether it is blank or only a comment.
        var lines: [(start: Int, end: Int, blank: Bool)] = []
        /// Values made so far, checked against `SourceText.Limits.yamlNodes`.
        var nodes = 0
        /// The last place `mark` found: line, byte, column.
        var lastMark = (line: -1, index: 0, column: 1)
        /// As Yams' parser does for each document: the resolver it was given, one constructor.
        let resolver = Resolver.basic
        let constructor = Constructor.default

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                lines.append((start, index, Self.isBlank(bytes, start, index)))
                start = index + 1
            }
            if start < bytes.count { lines.append((start, bytes.count, Self.isBlank(bytes, start, bytes.count))) }
        }

        /// Empty, or a comment after nothing but spaces (libyaml skips both wherever they are).
        /// Spaces alone are not blank here: left to Yams.
        static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end && bytes[index] == 0x20 { index += 1 }
            return start == end || (index < end && bytes[index] == UInt8(ascii: "#"))
        }

        /// No byte libyaml reads differently from plain text: control characters (tab and
        /// carriage return among them) and the characters it refuses, takes for line breaks
        /// (U+0085, U+2028, U+2029) or skips (the byte-order mark).
        static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte < 0x20 && byte != 0x0A) || byte == 0x7F { return false }
                    index += 1
                    continue
                }
                // Valid UTF-8 (a Swift string's bytes): the lead byte tells the length.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                guard index + length <= bytes.count else { return false }
                var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
                let printable = (0xA0...0xD7FF).contains(scalar) || (0xE000...0xFFFD).contains(scalar) || (0x10000...0x10FFFF).contains(scalar)
                if !printable || scalar == 0x2028 || scalar == 0x2029 || scalar == 0xFEFF { return false }
                index += length
            }
            return true
        }

        // MARK: Lines

        func isBlank(_ line: Int) -> Bool { lines[line].blank }

        /// The spaces before the line's first other byte.
        func indent(_ line: Int) -> Int {
            var index = lines[line].start
            while index < lines[line].end && bytes[index] == 0x20 { index += 1 }
            return index - lines[line].start
        }

        /// The line after `line`'s blank lines.
        func nextFilled(_ line: Int) -> Int {
            var line = line
            while line < lines.count && isBlank(line) { line += 1 }
            return line
        }

        /// libyaml's place of a byte: its line and its column in Unicode scalars, from 1.
        /// (Counted on from the last place asked for when on the same line, after it: the
        /// items of a long list in brackets are not each counted from the line's start.)
        mutating func mark(_ line: Int, _ index: Int) -> Mark {
            var (from, column) = (lines[line].start, 1)
            if lastMark.line == line && lastMark.index <= index { (from, column) = (lastMark.index, lastMark.column) }
            for byte in bytes[from..<index] where byte & 0xC0 != 0x80 { column += 1 }
            lastMark = (line, index, column)
            return SimpleYAML.mark(line: line + 1, column: column)
        }

        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// Whether only spaces follow `index` on the line.
        func onlySpaces(from index: Int, to end: Int) -> Bool {
            bytes[index..<end].allSatisfy { $0 == 0x20 }
        }

        // MARK: Nodes

        mutating func document() -> Node? {
            let first = nextFilled(0)
            guard first < lines.count, indent(first) == 0 else { return nil }
            let read = isItem(first, at: 0) ? sequence(at: first, indent: 0, parentIndent: -1, depth: 0) : mapping(at: first, indent: 0, depth: 0)
            guard let (root, next) = read, nextFilled(next) == lines.count, nodes <= SourceText.Limits.yamlNodes else { return nil }
            return root
        }

        /// `key: value` lines at `indent` from `line`, up to the first line less indented.
        /// On an item's line (`itemLine`), the first key follows its `- `.
        mutating func mapping(at line: Int, indent: Int, depth: Int, itemLine: Bool = false) -> (Node, next: Int)? {
            var pairs: [(Node, Node)] = []
            var keys: [String] = []
            var line = line
            let start = mark(line, lines[line].start + indent)
            while true {
                line = nextFilled(line)
                guard line < lines.count else { break }
                let lineIndent = itemLine && pairs.isEmpty ? indent : self.indent(line)
                if lineIndent < indent { break }
                guard lineIndent == indent else { return nil }
                let (begin, end) = (lines[line].start + indent, lines[line].end)
                guard var index = keyColon(line, from: begin) else { return nil }
                let name = text(begin..<index)
                guard !keys.contains(name) else { return nil }
                // Yams' check for keys written twice hashes each key, which resolves its tag:
                // with the basic resolver, to `str`.
                let key = Node.scalar(.init(name, Tag(.str, resolver, constructor), .plain, mark(line, begin)))
                index += 1
                let value: Node
                if onlySpaces(from: index, to: end) {
                    // The value is on the lines below: nested keys or `- ` items.
                    let below = nextFilled(line + 1)
                    guard below < lines.count else { return nil }
                    let belowIndent = self.indent(below)
                    let belowStart = lines[below].start + belowIndent
                    if isItem(below, at: belowIndent), belowIndent >= indent {
                        guard let (sequence, next) = self.sequence(at: below, indent: belowIndent, parentIndent: indent, depth: depth + 1) else { return nil }
                        (value, line) = (sequence, next)
                    } else if belowIndent > indent, depth == 0, Self.isKeyByte(bytes[belowStart], first: true) {
                        guard let (nested, next) = mapping(at: below, indent: belowIndent, depth: depth + 1) else { return nil }
                        (value, line) = (nested, next)
                    } else {
                        return nil
                    }
                } else {
                    while bytes[index] == 0x20 { index += 1 }  // (`keyColon` saw a space after the colon)
                    if bytes[index] == UInt8(ascii: "[") {
                        guard let sequence = flowSequence(line, from: index) else { return nil }
                        value = sequence
                    } else if bytes[index] == UInt8(ascii: "{") {
                        guard let mapping = flowMapping(line, from: index) else { return nil }
                        value = mapping
                    } else {
                        guard let scalar = blockScalar(line, from: index) else { return nil }
                        value = scalar
                    }
                    line += 1
                }
                keys.append(name)
                pairs.append((key, value))
                nodes += 2
            }
            nodes += 1
            // Yams takes a mapping's style from its end event, which has none.
            return (Node.mapping(.init(pairs, Tag(.implicit, resolver, constructor), .any, start)), line)
        }

        /// Whether the line is `- ` followed by a value, at `indent`.
        func isItem(_ line: Int, at indent: Int) -> Bool {
            let index = lines[line].start + indent
            return index + 1 < lines[line].end && bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == 0x20
        }

        /// `- value` lines at `indent`. Below a key at `parentIndent` equal to `indent`, the
        /// list ends at the next key. At the top (`depth` 0), or below a key at the top (a
        /// decree's `members`), an item may be `key: value` lines.
        mutating func sequence(at line: Int, indent: Int, parentIndent: Int, depth: Int) -> (Node, next: Int)? {
            var items: [Node] = []
            var line = line
            let start = mark(line, lines[line].start + indent)
            while true {
                line = nextFilled(line)
                guard line < lines.count else { break }
                let lineIndent = self.indent(line)
                if lineIndent < indent { break }
                guard lineIndent == indent else { return nil }
                guard isItem(line, at: indent) else {
                    if indent == parentIndent { break }
                    return nil
                }
                var index = lines[line].start + indent + 2
                while index < lines[line].end && bytes[index] == 0x20 { index += 1 }
                guard index < lines[line].end else { return nil }
                if depth <= 1, keyColon(line, from: index) != nil {
                    guard let (mapping, next) = mapping(at: line, indent: index - lines[line].start, depth: depth + 1, itemLine: true) else { return nil }
                    items.append(mapping)
                    line = next
                } else if bytes[index] == UInt8(ascii: "{") {
                    guard let item = flowMapping(line, from: index) else { return nil }
                    items.append(item)
                    line += 1
                } else {
                    guard let item = blockScalar(line, from: index) else { return nil }
                    items.append(item)
                    nodes += 1
                    line += 1
                }
            }
            nodes += 1
            // Yams takes a list's style from its end event, which has none.
            return (Node.sequence(.init(items, Tag(.implicit, resolver, constructor), .any, start)), line)
        }

        /// The place of the colon when a key (at most 128 bytes) starts at `index` and a colon
        /// follows it, then a space or the end of the line; nil otherwise.
        func keyColon(_ line: Int, from index: Int) -> Int? {
            let end = lines[line].end
            var colon = index
            while colon < end, Self.isKeyByte(bytes[colon], first: colon == index) { colon += 1 }
            guard colon > index, colon - index <= 128, colon < end, bytes[colon] == UInt8(ascii: ":"),
                colon + 1 == end || bytes[colon + 1] == 0x20
            else { return nil }
            return colon
        }

        /// A quoted text, or a plain one, from `index` to the end of the line.
        mutating func blockScalar(_ line: Int, from index: Int) -> Node? {
            let end = lines[line].end
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let (scalar, after) = quoted(line, from: index), onlySpaces(from: after, to: end) else { return nil }
                return scalar
            }
            guard !Self.isIndicator(byte) else { return nil }
            var last = end
            while bytes[last - 1] == 0x20 { last -= 1 }
            // `: ` and a final `:` would make a key; ` #` starts a comment.
            for position in index..<last {
                let current = bytes[position]
                if current == UInt8(ascii: ":") && (position + 1 == last || bytes[position + 1] == 0x20) { return nil }
                if current == UInt8(ascii: "#") && bytes[position - 1] == 0x20 { return nil }
            }
            return Node.scalar(.init(text(index..<last), Tag(.implicit, resolver, constructor), .plain, mark(line, index)))
        }

        /// A text in quotes closed on the line, without escapes; the byte after its end.
        mutating func quoted(_ line: Int, from index: Int) -> (Node, after: Int)? {
            let quote = bytes[index]
            let end = lines[line].end
            var close = index + 1
            while close < end && bytes[close] != quote {
                if quote == UInt8(ascii: "\"") && bytes[close] == UInt8(ascii: "\\") { return nil }
                close += 1
            }
            guard close < end else { return nil }
            // `''` in single quotes is one quote.
            if quote == UInt8(ascii: "'"), close + 1 < end, bytes[close + 1] == quote { return nil }
            let style: Node.Scalar.Style = quote == UInt8(ascii: "\"") ? .doubleQuoted : .singleQuoted
            let scalar = Node.scalar(.init(text(index + 1..<close), Tag(.str, resolver, constructor), style, mark(line, index)))
            return (scalar, close + 1)
        }

        /// `[a, "b", 'c']` on one line.
        mutating func flowSequence(_ line: Int, from open: Int) -> Node? {
            var items: [Node] = []
            let read = flowItems(line, from: open, closing: UInt8(ascii: "]")) { reader, index in
                guard let (item, after) = reader.flowScalar(line, from: index) else { return nil }
                items.append(item)
                return after
            }
            guard read else { return nil }
            nodes += items.count
            return Node.sequence(.init(items, Tag(.implicit, resolver, constructor), .any, mark(line, open)))
        }

        /// `{key: value, key: "value"}` on one line: keys as in block lines, values texts.
        mutating func flowMapping(_ line: Int, from open: Int) -> Node? {
            let start = mark(line, open)
            var pairs: [(Node, Node)] = []
            var keys: [String] = []
            let read = flowItems(line, from: open, closing: UInt8(ascii: "}")) { reader, index in
                // (A colon right after the key, then a space: `{a:b}` is one text in brackets.)
                let end = reader.lines[line].end
                guard let colon = reader.keyColon(line, from: index), colon + 1 < end else { return nil }
                let name = reader.text(index..<colon)
                guard !keys.contains(name) else { return nil }
                let key = Node.scalar(.init(name, Tag(.str, reader.resolver, reader.constructor), .plain, reader.mark(line, index)))
                var valueStart = colon + 1
                while valueStart < end && reader.bytes[valueStart] == 0x20 { valueStart += 1 }
                guard let (value, after) = reader.flowScalar(line, from: valueStart) else { return nil }
                keys.append(name)
                pairs.append((key, value))
                return after
            }
            guard read else { return nil }
            nodes += pairs.count * 2 + 1
            // (Its style, as a block mapping's, comes from an end event that has none.)
            return Node.mapping(.init(pairs, Tag(.implicit, resolver, constructor), .any, start))
        }

        /// Items between `open` and `closing` on one line, separated by commas (spaces around
        /// them), then nothing but spaces: each read by `item` from its first byte, which
        /// gives the byte after it. False for anything else (a comma before the closing
        /// bracket among it).
        mutating func flowItems(_ line: Int, from open: Int, closing: UInt8, item: (inout Reader, Int) -> Int?) -> Bool {
            let end = lines[line].end
            var index = open + 1
            func skipSpaces() { while index < end && bytes[index] == 0x20 { index += 1 } }
            skipSpaces()
            if index < end && bytes[index] == closing { return onlySpaces(from: index + 1, to: end) }
            while true {
                guard let after = item(&self, index) else { return false }
                index = after
                skipSpaces()
                guard index < end else { return false }
                if bytes[index] == closing { return onlySpaces(from: index + 1, to: end) }
                guard bytes[index] == UInt8(ascii: ",") else { return false }
                index += 1
                skipSpaces()
                guard index < end, bytes[index] != closing else { return false }
            }
        }

        /// A text in brackets or braces: quoted, or plain up to a comma or closing bracket
        /// (without its final spaces); the byte after it.
        mutating func flowScalar(_ line: Int, from start: Int) -> (Node, after: Int)? {
            let end = lines[line].end
            guard start < end else { return nil }
            let byte = bytes[start]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return quoted(line, from: start) }
            guard !Self.isIndicator(byte) else { return nil }
            var index = start
            while index < end, !Self.endsFlowPlain(bytes[index]) { index += 1 }
            var last = index
            while bytes[last - 1] == 0x20 { last -= 1 }
            return (Node.scalar(.init(text(start..<last), Tag(.implicit, resolver, constructor), .plain, mark(line, start))), index)
        }

        static func isKeyByte(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): return !first
            default: return false
            }
        }

        /// A byte that may not start a plain text (YAML's indicators), or a space.
        static func isIndicator(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
                UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), 0x20:
                return true
            default:
                return false
            }
        }

        /// Where a plain text in brackets or braces ends: a comma, bracket or brace. Texts
        /// holding a colon, a quote or `#` are left to Yams (the bracket that follows them decides).
        static func endsFlowPlain(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return true
            default:
                return false
            }
        }
    }
}

import Foundation

/// A page's bytes as the template walker writes them: in memory of their own, grown as
/// needed and handed to `Data` without a copy once the page is done. (Copying each page's
/// bytes from the walker's buffer into new memory for its `Data` was a tenth of the render
/// on a site of 15,000 pages, most of it the kernel handing out the new memory.)
struct PageBytes: ~Copyable {
    private var base: UnsafeMutableRawPointer
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = Self.allocate(self.capacity)
    }

    deinit { free(base) }

    var isEmpty: Bool { count == 0 }

    /// The byte at `offset` (below `count`).
    func byte(at offset: Int) -> UInt8 {
        base.load(fromByteOffset: offset, as: UInt8.self)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    /// A text's UTF-8 bytes.
    mutating func append(_ text: String) {
        text.withUTF8InPlace { append(UnsafeRawBufferPointer($0)) }
    }

    mutating func append(_ other: borrowing PageBytes) {
        append(UnsafeRawBufferPointer(start: other.base, count: other.count))
    }

    /// The bytes as `Data`, which takes over their memory (shrunk to their size).
    consuming func data() -> Data {
        let size = count
        let memory = realloc(base, max(1, size)) ?? base
        discard self
        return Data(bytesNoCopy: memory, count: size, deallocator: .free)
    }

    private mutating func grow(toHold needed: Int) {
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        guard let memory = realloc(base, grown) else { Self.outOfMemory(grown) }
        base = memory
        capacity = grown
    }

    private static func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        guard let memory = malloc(size) else { outOfMemory(size) }
        return memory
    }

    /// (As Swift's own allocations do when the machine has no memory left.)
    private static func outOfMemory(_ size: Int) -> Never {
        fatalError("could not allocate \(size) bytes for a page")
    }
}

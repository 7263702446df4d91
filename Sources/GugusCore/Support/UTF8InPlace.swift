extension String {
    /// Calls `body` with the string's UTF-8 bytes, read in place when the string holds them
    /// contiguously (every native string). `withUTF8` is mutating and so copies a `let`
    /// first, counting a reference up and down: on the hot paths of a build (every text of
    /// every page) that copy cost more than reading the bytes.
    func withUTF8InPlace<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

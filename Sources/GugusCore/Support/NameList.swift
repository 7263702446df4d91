extension Array where Element == String {
    /// Where a name is in a short list (template values, front matter fields), compared in
    /// place, lengths first: most names compared are not the one looked for, and for a few
    /// dozen names this costs less than hashing the name.
    func index(ofName name: String) -> Int? {
        let length = name.utf8.count
        return withUnsafeBufferPointer { names in
            for index in names.indices where names[index].utf8.count == length && names[index] == name { return index }
            return nil
        }
    }
}

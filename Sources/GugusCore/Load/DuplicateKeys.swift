import CYaml

/// Finds a key written twice in one mapping, with both places, by walking libyaml's events
/// (Yams refuses such a document but names neither line).
enum DuplicateKeys {
    struct Found: Equatable {
        var key: String
        /// 1-based, within the YAML text.
        var firstLine: Int
        var line: Int
        var column: Int
    }

    private enum Frame {
        /// A mapping: the line of each key read so far, and whether a key comes next.
        case mapping(keys: [String: Int], expectingKey: Bool)
        case sequence
    }

    /// The first key (in the order of the text) written a second time in its mapping.
    static func first(in yaml: String) -> Found? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Found? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var stack: [Frame] = []
            /// A value of the innermost mapping has ended: a key comes next.
            func valueEnded() {
                if case let .mapping(keys, _)? = stack.last { stack[stack.count - 1] = .mapping(keys: keys, expectingKey: true) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_MAPPING_START_EVENT:
                    stack.append(.mapping(keys: [:], expectingKey: true))
                case YAML_SEQUENCE_START_EVENT:
                    stack.append(.sequence)
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    _ = stack.popLast()
                    valueEnded()
                case YAML_SCALAR_EVENT:
                    guard case .mapping(var keys, true)? = stack.last else {
                        valueEnded()
                        continue
                    }
                    let key = String(cString: event.data.scalar.value)
                    if let firstLine = keys[key] {
                        return Found(key: key, firstLine: firstLine, line: line, column: Int(event.start_mark.column) + 1)
                    }
                    keys[key] = line
                    stack[stack.count - 1] = .mapping(keys: keys, expectingKey: false)
                case YAML_ALIAS_EVENT:
                    valueEnded()
                default:
                    continue
                }
            }
        }
    }
}

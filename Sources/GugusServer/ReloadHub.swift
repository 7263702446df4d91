/// Keeps the open browser tabs (Server-Sent Events streams) and tells them about every
/// build.
actor ReloadHub {
    private var clients: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private(set) var status = BuildStatus(generation: 0, errors: [])
    private var closed = false

    /// A stream of SSE messages, starting with the current status.
    func subscribe() -> (id: Int, stream: AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        guard !closed else {
            continuation.finish()
            return (-1, stream)
        }
        let id = nextID
        nextID += 1
        clients[id] = continuation
        continuation.yield("retry: 500\n\n" + status.eventText)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.finish(id) }
        }
        return (id, stream)
    }

    /// Ends one stream (its tab closed, or the server is stopping).
    func finish(_ id: Int) {
        clients.removeValue(forKey: id)?.finish()
    }

    func publish(_ errors: [String]) {
        status = BuildStatus(generation: status.generation + 1, errors: errors)
        for client in clients.values { client.yield(status.eventText) }
    }

    /// Ends every stream, so that the server can stop.
    func close() {
        closed = true
        for client in clients.values { client.finish() }
        clients = [:]
    }
}

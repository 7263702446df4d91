#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Raw HTTP over a TCP socket, for requests a normal client would clean up (`/../`) and
/// for reading a Server-Sent Events stream.
enum HTTPProbe {
    /// A port that was free a moment ago.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Sends `request` as written and returns what the server answered within `timeout`,
    /// stopping early once `until` appears.
    static func exchange(port: Int, _ request: String, timeout: Double = 3, until: String? = nil) -> String {
        guard let fd = connectLoopback(port: port) else { return "" }
        defer { close(fd) }
        var tv = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var received = Data()
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
                if let until, String(decoding: received, as: UTF8.self).contains(until) { break }
            } else if count == 0 {
                break
            }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// A TCP socket connected to 127.0.0.1:`port`, or nil.
    static func connectLoopback(port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    static func get(port: Int, _ path: String) -> (status: Int, body: String) {
        let answer = exchange(port: port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let statusLine = answer.split(separator: "\r\n", maxSplits: 1).first ?? ""
        let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = answer.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return (status, body)
    }
}

/// An open Server-Sent Events connection, read as a browser tab reads it: what arrived so
/// far, and more on each `read`.
final class EventStream {
    private let fd: Int32
    private(set) var received = ""

    init?(port: Int, path: String) {
        guard let fd = HTTPProbe.connectLoopback(port: port) else { return nil }
        self.fd = fd
        var tv = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        guard request.withCString({ send(fd, $0, strlen($0), 0) }) > 0 else {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    /// Reads for at most `seconds`, stopping as soon as everything received satisfies `done`;
    /// returns whether it does.
    @discardableResult
    func read(for seconds: Double, until done: (String) -> Bool = { _ in false }) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 16384)
        while Date() < deadline {
            if done(received) { return true }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 { received += String(decoding: buffer[0..<count], as: UTF8.self) } else if count == 0 { break }
        }
        return done(received)
    }

    /// The generations of the `reload` messages received so far.
    var reloads: [Int] {
        received.components(separatedBy: "event: reload\ndata: ").dropFirst().compactMap { message in
            message.range(of: "\"generation\":").flatMap { Int(message[$0.upperBound...].prefix { $0.isNumber }) }
        }
    }
}

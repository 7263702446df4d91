#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One build at a time per output folder: an advisory lock (`flock`) on a small file
/// beside it, released when the build ends or its process dies (even by SIGKILL).
final class OutputLock {
    private let descriptor: Int32

    /// Takes the lock, waiting up to `patience` seconds for a build that holds it.
    static func acquire(parent: String, name: String, patience: Double = 30) -> Result<OutputLock, Diagnostic> {
        let path = parent + "/.\(name).gugus-lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            return .failure(OutputWriter.failure("cannot write in the folder \(parent) (\(String(cString: strerror(errno))))", output: parent + "/" + name))
        }
        let deadline = Date().addingTimeInterval(patience)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                return .failure(Diagnostic(
                    file: parent + "/" + name,
                    message: "another Gugus build is writing to this folder and did not finish within \(Int(patience)) seconds; nothing was changed",
                    hint: "wait for the other build (or `gugus serve`) to finish, or build into another folder with --output"))
            }
            usleep(50_000)
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
        return .success(OutputLock(descriptor: descriptor))
    }

    private init(descriptor: Int32) { self.descriptor = descriptor }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

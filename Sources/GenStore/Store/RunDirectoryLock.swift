import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock on `DIR/run.lock`, held while a process writes to the run.
///
/// Two `gen run --resume DIR` at once would each continue from the same batch and record rival work; the
/// second now fails at open with a clear error. The kernel drops the lock when the holder dies, SIGKILL
/// included, so a killed run never leaves a stale lock behind.
final class RunDirectoryLock {
    private let descriptor: Int32

    init(directory: URL) throws {
        let path = directory.appendingPathComponent("run.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError(.io(errno: errno), "cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let number = errno
            close(descriptor)
            if number == EWOULDBLOCK {
                throw StoreError(.locked, "\(directory.path) is in use by another gen process (lock held on \(path))")
            }
            throw StoreError(.io(errno: number), "cannot lock \(path): \(String(cString: strerror(number)))")
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

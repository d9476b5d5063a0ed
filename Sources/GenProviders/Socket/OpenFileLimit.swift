import Foundation

/// The process's open-files limit. A run over 64 servers x 16 connections holds over 1,000 sockets, past the
/// usual soft limit of 1,024; the soft limit is raised to the hard one at start, which any process may do
/// (Go's runtime does the same for every program).
public enum OpenFileLimit {
    /// Raises the soft limit to the hard one; returns the soft limit now in force (nil when it cannot be read).
    @discardableResult
    public static func raiseToHardLimit() -> UInt64? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return UInt64(limit.rlim_cur)
    }

    /// The soft and hard limits as they are.
    public static var current: (soft: UInt64, hard: UInt64)? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        return (UInt64(limit.rlim_cur), UInt64(limit.rlim_max))
    }
}

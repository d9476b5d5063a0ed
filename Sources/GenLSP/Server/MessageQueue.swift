import Foundation

/// Bytes read from the client, handed from the reader thread to the thread that answers.
final class MessageQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var ended = false

    func push(_ data: Data) {
        condition.lock()
        if data.isEmpty { ended = true } else { chunks.append(data) }
        condition.signal()
        condition.unlock()
    }

    /// Everything read so far, waiting for at least one chunk; nil once the input has ended and all was taken.
    func takeAll() -> [Data]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !ended { condition.wait() }
        if chunks.isEmpty { return nil }
        defer { chunks = [] }
        return chunks
    }

    var isEmpty: Bool {
        condition.lock()
        defer { condition.unlock() }
        return chunks.isEmpty
    }
}

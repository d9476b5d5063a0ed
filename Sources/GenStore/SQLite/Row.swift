/// One result row, copied out of SQLite so it stays valid after the statement moves on.
///
/// Typed getters throw instead of trapping when a column is missing, NULL or of another type: a damaged or
/// hand-edited database must produce an error, never a crash.
public struct Row: Sendable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The raw value of a named column, or nil when there is no such column.
    public subscript(name: String) -> SQLValue? {
        columns.firstIndex(of: name).map { values[$0] }
    }

    public func int64(_ name: String) throws -> Int64 {
        switch try value(name) {
        case .integer(let number): return number
        case let other: throw mismatch(name, "an integer", other)
        }
    }

    public func int(_ name: String) throws -> Int { Int(try int64(name)) }

    public func optionalInt(_ name: String) throws -> Int? {
        if case .null = try value(name) { return nil }
        return try int(name)
    }

    public func bool(_ name: String) throws -> Bool { try int64(name) != 0 }

    /// Reals, and integers widened to reals (SQLite stores 2.0 in a REAL column as written, but aggregates
    /// such as SUM over integers come back as integers).
    public func double(_ name: String) throws -> Double {
        switch try value(name) {
        case .real(let number): return number
        case .integer(let number): return Double(number)
        case let other: throw mismatch(name, "a number", other)
        }
    }

    public func optionalDouble(_ name: String) throws -> Double? {
        if case .null = try value(name) { return nil }
        return try double(name)
    }

    public func text(_ name: String) throws -> String {
        switch try value(name) {
        case .text(let string): return string
        case let other: throw mismatch(name, "text", other)
        }
    }

    public func optionalText(_ name: String) throws -> String? {
        if case .null = try value(name) { return nil }
        return try text(name)
    }

    private func value(_ name: String) throws -> SQLValue {
        guard let value = self[name] else {
            throw StoreError(.invalid, "result has no column '\(name)' (columns: \(columns.joined(separator: ", ")))")
        }
        return value
    }

    private func mismatch(_ name: String, _ expected: String, _ found: SQLValue) -> StoreError {
        StoreError(.invalid, "column '\(name)' holds \(found), expected \(expected)")
    }
}

import Foundation
import GenCore

/// Conversions between Swift values and the canonical JSON text kept in `*_json` columns.
enum JSONColumn {
    static func text(_ value: JSONValue) -> SQLValue { .text(CanonicalJSON.string(value)) }

    static func text(_ numbers: [String: Double]) -> SQLValue { text(.object(numbers.mapValues(JSONValue.double))) }

    static func text(_ counts: [String: Int]) -> SQLValue { text(.object(counts.mapValues(JSONValue.int))) }

    static func text(_ strings: [String]) -> SQLValue { text(.array(strings.map(JSONValue.string))) }

    /// UInt64 states as decimal strings: JSON numbers lose precision beyond 2^53.
    static func text(_ states: [String: UInt64]) -> SQLValue { text(.object(states.mapValues { .string(String($0)) })) }

    static func value(_ row: Row, _ column: String) throws -> JSONValue {
        let text = try row.text(column)
        guard let value = CanonicalJSON.parse(text) else {
            throw StoreError(.invalid, "column '\(column)' holds text that is not JSON: \(text.prefix(80))")
        }
        return value
    }

    static func optionalValue(_ row: Row, _ column: String) throws -> JSONValue? {
        guard try row.optionalText(column) != nil else { return nil }
        return try value(row, column)
    }

    static func numbers(_ row: Row, _ column: String) throws -> [String: Double] {
        try members(row, column) { $0.doubleValue }
    }

    static func counts(_ row: Row, _ column: String) throws -> [String: Int] {
        try members(row, column) { value in
            if case .int(let number) = value { return number }
            return nil
        }
    }

    static func states(_ row: Row, _ column: String) throws -> [String: UInt64] {
        try members(row, column) { $0.stringValue.flatMap { UInt64($0) } }
    }

    static func strings(_ row: Row, _ column: String) throws -> [String] {
        guard let items = try value(row, column).arrayValue else {
            throw StoreError(.invalid, "column '\(column)' should hold a JSON array")
        }
        return try items.map { item in
            guard let text = item.stringValue else { throw StoreError(.invalid, "column '\(column)' holds a non-string item") }
            return text
        }
    }

    private static func members<T>(_ row: Row, _ column: String, _ convert: (JSONValue) -> T?) throws -> [String: T] {
        guard let object = try value(row, column).objectValue else {
            throw StoreError(.invalid, "column '\(column)' should hold a JSON object")
        }
        return try object.mapValues { member in
            guard let converted = convert(member) else {
                throw StoreError(.invalid, "column '\(column)' holds an unexpected member value \(CanonicalJSON.string(member))")
            }
            return converted
        }
    }
}

/// Encodes any Codable value (a `PipelineGraph`, a router's state struct) as a `JSONValue` for the store.
public enum StoreJSON {
    public static func value<T: Encodable>(of encodable: T) throws -> JSONValue {
        do {
            let data = try JSONEncoder().encode(encodable)
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw StoreError(.invalid, "cannot encode \(T.self) as JSON: \(error)")
        }
    }

    /// Decodes a stored JSON value back into a Codable type.
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        do {
            let data = Data(CanonicalJSON.string(value).utf8)
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw StoreError(.invalid, "stored JSON does not decode as \(T.self): \(error)")
        }
    }
}

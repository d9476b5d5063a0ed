import Foundation
import GenCore

/// A line of a JSONL file that could not be used, with its 1-based line number.
public struct LineIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public var description: String { "line \(line): \(message)" }
}

/// What a JSONL read produced: the usable samples and one issue per rejected line.
public struct LoadResult: Sendable, Codable {
    public var samples: [LabeledText]
    public var issues: [LineIssue]
}

/// Reads `{"text": ..., "label": ...}` JSONL. Bad lines become issues so one stray line never sinks a run.
public enum LabeledTextLoader {
    /// Reads and parses a file; throws only when the file itself cannot be read.
    public static func read(path: String, textKey: String = "text", labelKey: String = "label") throws -> LoadResult {
        let data = try readable(path)
        guard let content = String(data: data, encoding: .utf8) else {
            throw EvalError.unreadableFile(path: path, reason: "not UTF-8 text")
        }
        return parse(content, textKey: textKey, labelKey: labelKey)
    }

    /// The file's bytes, or an error in plain words (Foundation's says "NSCocoaErrorDomain error 256").
    static func readable(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EvalError.unreadableFile(path: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw EvalError.unreadableFile(path: path, reason: "it is a directory; give a JSON Lines file, e.g. RUN/dataset.jsonl")
        }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw EvalError.unreadableFile(path: path, reason: "permission denied or not a regular file")
        }
        return data
    }

    /// Parses JSONL text. Blank lines are skipped; integer or boolean labels are accepted as their text form.
    public static func parse(_ content: String, textKey: String = "text", labelKey: String = "label") -> LoadResult {
        var samples: [LabeledText] = []
        var issues: [LineIssue] = []
        var lineNumber = 0
        content.enumerateLines { line, _ in
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { return }
            switch parseLine(line, textKey: textKey, labelKey: labelKey) {
            case .success(let sample): samples.append(sample)
            case .failure(let issue): issues.append(LineIssue(line: lineNumber, message: issue.message))
            }
        }
        return LoadResult(samples: samples, issues: issues)
    }

    private struct LineProblem: Error { var message: String }

    private static func parseLine(_ line: String, textKey: String, labelKey: String) -> Result<LabeledText, LineProblem> {
        guard let value = CanonicalJSON.parse(line) else { return .failure(LineProblem(message: "not valid JSON")) }
        guard value.objectValue != nil else { return .failure(LineProblem(message: "not a JSON object")) }
        guard let textValue = value[textKey] else { return .failure(LineProblem(message: "missing \"\(textKey)\"")) }
        guard let text = textValue.stringValue else {
            return .failure(LineProblem(message: "\"\(textKey)\" is not a string"))
        }
        guard let labelValue = value[labelKey] else { return .failure(LineProblem(message: "missing \"\(labelKey)\"")) }
        switch labelValue {
        case .string(let label): return .success(LabeledText(text: text, label: label))
        case .int(let label): return .success(LabeledText(text: text, label: String(label)))
        case .bool(let label): return .success(LabeledText(text: text, label: String(label)))
        default: return .failure(LineProblem(message: "\"\(labelKey)\" is not a string or integer"))
        }
    }
}

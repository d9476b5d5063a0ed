/// Checks that text is valid Graphviz DOT for the subset `GraphRendering.dot` emits: one `digraph ID { ... }`
/// of statements ending in `;`: `rankdir=LR`, `node [attrs]`, `"id" [attrs]`, `"a" -> "b" [attrs]`, with quoted
/// IDs (escapes `\"` `\\` `\n`) or plain identifiers and numerals. Every edge endpoint must be a declared node.
public enum DotValidator {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func validate(_ text: String) -> Problem? {
        var tokens: [String] = []
        do { tokens = try tokenize(text) } catch { return error }
        var position = 0
        func next() -> String? { position < tokens.count ? tokens[position] : nil }
        func expect(_ token: String) -> Problem? {
            guard next() == token else { return Problem(message: "expected `\(token)`, found `\(next() ?? "end")`") }
            position += 1
            return nil
        }
        if let problem = expect("digraph") { return problem }
        guard let name = next(), isID(name) else { return Problem(message: "expected a graph name") }
        position += 1
        if let problem = expect("{") { return problem }
        var nodes: Set<String> = []
        var edges: [(String, String)] = []
        while let token = next(), token != "}" {
            guard isID(token) else { return Problem(message: "unexpected `\(token)`") }
            position += 1
            if next() == "=" {
                position += 1
                guard let value = next(), isID(value) else { return Problem(message: "expected a value after `=`") }
                position += 1
            } else if next() == "->" {
                position += 1
                guard let target = next(), isID(target) else { return Problem(message: "expected an edge target") }
                position += 1
                edges.append((token, target))
            } else if token != "node" && token != "edge" && token != "graph" {
                nodes.insert(token)
            }
            if next() == "[" {
                position += 1
                while let key = next(), key != "]" {
                    guard isID(key) else { return Problem(message: "bad attribute name `\(key)`") }
                    position += 1
                    if let problem = expect("=") { return problem }
                    guard let value = next(), isID(value) else { return Problem(message: "bad value for `\(key)`") }
                    position += 1
                    if next() == "," { position += 1 }
                }
                if let problem = expect("]") { return problem }
            }
            if let problem = expect(";") { return problem }
        }
        if let problem = expect("}") { return problem }
        guard position == tokens.count else { return Problem(message: "text after the closing `}`") }
        for (from, to) in edges where !nodes.contains(from) || !nodes.contains(to) {
            return Problem(message: "edge \(from) -> \(to) uses an undeclared node")
        }
        return nil
    }

    static func isID(_ token: String) -> Bool {
        if token.hasPrefix("\"") { return true }
        guard let first = token.unicodeScalars.first else { return false }
        if first == "-" || ("0"..."9").contains(first) { return Double(token) != nil }
        return token.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    static func tokenize(_ text: String) throws(Problem) -> [String] {
        var tokens: [String] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace { index += 1; continue }
            if character == "\"" {
                var token = "\""
                index += 1
                while true {
                    guard index < characters.count else { throw Problem(message: "unterminated string") }
                    let c = characters[index]
                    if c == "\\" {
                        guard index + 1 < characters.count, ["\"", "\\", "n", "l", "r"].contains(characters[index + 1]) else {
                            throw Problem(message: "bad escape in string")
                        }
                        token.append(c)
                        token.append(characters[index + 1])
                        index += 2
                        continue
                    }
                    if c == "\n" { throw Problem(message: "line break inside a string") }
                    token.append(c)
                    index += 1
                    if c == "\"" { break }
                }
                tokens.append(token)
            } else if character == "-", index + 1 < characters.count, characters[index + 1] == ">" {
                tokens.append("->")
                index += 2
            } else if "{}[];=,".contains(character) {
                tokens.append(String(character))
                index += 1
            } else if character.isLetter || character.isNumber || character == "_" || character == "-" || character == "." {
                var token = ""
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || "_-.".contains(characters[index]) {
                    token.append(characters[index])
                    index += 1
                }
                tokens.append(token)
            } else {
                throw Problem(message: "unexpected character `\(character)`")
            }
        }
        return tokens
    }
}

import Foundation
import GenCore

/// Seeded model outputs written to hurt, for the output fuzz suite: the same seed gives the same outputs.
///
/// Families: valid samples with mutations (wrong types, missing and extra fields, huge strings, awkward
/// unicode), JSON-ish garbage (unbalanced brackets and quotes, walls of `{`, deep nesting, cut-off output,
/// several objects in one answer, fences, prose), awkward numbers, escape storms, outputs that echo a marker
/// secret the way a server echoing the Authorization header would, and huge outputs (1-10 MB).
struct HostileOutputs {
    enum Family: String, CaseIterable, Sendable {
        case mutatedSample, garbage, numbers, escapes, echo, huge
    }

    struct Output: Sendable {
        var family: Family
        var text: String
        /// True when the output stops as if `max_tokens` ran out.
        var cutOff = false
    }

    /// The secret the echo family leaks; the scan looks for it (and its first 16 bytes) in everything written.
    let marker: String

    /// Unicode that has broken text handling: NUL, a BOM, RTL overrides, zero-width and combining marks,
    /// emoji with modifiers and joiners, noncharacters, a lone surrogate's JSON escape.
    static let awkwardText = [
        "\u{0}", "\u{FEFF}", "\u{202E}", "\u{200F}", "\u{200D}", "\u{0301}", "\u{0308}\u{0323}", "\u{FE0F}", "👍🏽",
        "👩‍👩‍👧", "🇺🇳", "\u{FFFF}", "\u{10FFFF}", "e\u{0301}", "\\ud800", "\\udc00", "\\u0000", "ﷺ", "\r\n", "\t",
        "`", "```", "\"", "\\", "{", "}", "[", "]", "<|im_end|>", "</s>",
    ]

    static let awkwardNumbers = [
        "1e999", "-1e999", "-0", "-0.0", "NaN", "Infinity", "-Infinity", "1e-400", "0.1e1", "9223372036854775808",
        "-9223372036854775809", "123456789012345678901234567890", "0x10", "01", "1.", ".5", "+1", "1e", "--1", "1_000",
        String(repeating: "9", count: 400), "0." + String(repeating: "0", count: 400) + "1",
    ]

    /// Keys a hostile model (or a prototype-pollution probe) might add.
    static let awkwardKeys = [
        "__proto__", "constructor", "prototype", "secret", "api_key", "Text", "TEXT", "t_e_x_t", "label ", "", " ",
        "\u{0}", "text\u{0301}", "$ref", "../../etc/passwd",
        // Folds to `text` ("did you mean"), so a schema message quoted all 30,000 characters of it.
        "t" + String(repeating: "_", count: 30_000) + "ext",
    ]

    func output(_ index: Int, rng: inout SeededRandom) -> Output {
        // The costly shapes (megabytes, walls of brackets) are placed by index: a fixed count per run, few enough
        // for the suite to stay fast, and each of a size of its own.
        if index % 1_000 == 999 { return Output(family: .huge, text: huge(&rng)) }
        if index % 100 == 50 { return Output(family: .garbage, text: wall(index / 100, &rng), cutOff: rng.chance(0.5)) }
        switch Family.allCases[rng.nextIndex(5)] {
        case .mutatedSample: return Output(family: .mutatedSample, text: mutatedSample(&rng), cutOff: rng.chance(0.05))
        case .garbage: return Output(family: .garbage, text: garbage(&rng), cutOff: rng.chance(0.3))
        case .numbers: return Output(family: .numbers, text: numbers(&rng))
        case .escapes: return Output(family: .escapes, text: escapes(&rng))
        default: return Output(family: .echo, text: echo(&rng))
        }
    }

    // MARK: Valid samples and their mutations

    /// A sample `OutputFuzzTests.script` accepts (before dedup): every field of the right type and size, `text` first.
    func validMembers(_ rng: inout SeededRandom) -> [(String, String)] {
        let words = ["meeting", "lunch", "prize", "claim", "tomorrow", "office", "train", "late", "call", "offer"]
        let text = (0..<(4 + rng.nextIndex(8))).map { _ in words[rng.nextIndex(words.count)] }.joined(separator: " ")
            + " \(rng.next() % 100_000)"
        return [
            ("text", quoted(text)),
            ("label", rng.chance(0.5) ? "\"ham\"" : "\"spam\""),
            ("score", "0.\(1 + rng.nextIndex(9))"),
            ("count", "\(rng.nextIndex(100))"),
            ("urgent", rng.chance(0.5) ? "true" : "false"),
            ("tags", "[\"a\", \"b\"]"),
        ]
    }

    func mutatedSample(_ rng: inout SeededRandom) -> String {
        var members = validMembers(&rng)
        for _ in 0..<(1 + rng.nextIndex(3)) {
            let position = rng.nextIndex(members.count)
            switch rng.nextIndex(10) {
            case 0: members[position].1 = pick(["\"text\"", "1", "1.5", "true", "null", "[]", "{}", "[1, [2]]", "{\"a\": {}}"], &rng)
            case 1: members.remove(at: position)
            case 2: members.append((pick(Self.awkwardKeys, &rng), pick(["1", "\"x\"", "{\"polluted\": true}", "null"], &rng)))
            case 3: members[position].1 = quoted(String(repeating: pick(["a", "é", "👍", " ", "\\n"], &rng), count: rng.size(200, big: 80_000)))
            case 4: members[position].1 = quoted(unicodeStorm(&rng))
            case 5: members[position].1 = pick(Self.awkwardNumbers, &rng)
            case 6: members.append((members[position].0, members[position].1))  // a duplicate key
            case 7:
                // Thousands of undeclared fields.
                for extra in 0..<rng.size(100, big: 3_000) { members.append(("extra\(extra)", "\(extra)")) }
            case 8:
                // A list of thousands of items of the wrong type: one schema issue each.
                members[position].1 = "[" + String(repeating: "1, ", count: rng.size(100, big: 15_000)) + "1]"
            default: members[position].0 = pick(Self.awkwardKeys, &rng) + members[position].0
            }
        }
        members.shuffle(using: &rng)
        return object(members)
    }

    func unicodeStorm(_ rng: inout SeededRandom) -> String {
        (0..<(5 + rng.nextIndex(60))).map { _ in rng.chance(0.5) ? pick(Self.awkwardText, &rng) : "ab" }.joined()
    }

    // MARK: Garbage

    func garbage(_ rng: inout SeededRandom) -> String {
        let sample = object(validMembers(&rng))
        switch rng.nextIndex(10) {
        case 0: return String(sample.prefix(rng.nextIndex(sample.count)))  // cut off anywhere
        case 1: return (0..<(2 + rng.nextIndex(5))).map { _ in object(validMembers(&rng)) }.joined(separator: rng.chance(0.5) ? "\n" : "")
        case 2: return "```json\n" + sample + "\n```" + (rng.chance(0.5) ? "\n```json\n" + sample : "")
        case 3: return String(repeating: "```{```", count: rng.size(20, big: 200)) + sample
        case 4: return "Sure! Here is a sample {as requested} [1]:\n\n" + sample + "\n\nLet me know if you need more {"
        case 5: return String(repeating: "Here is {one} [two] ", count: rng.size(10, big: 200)) + sample
        case 6: return String(repeating: "{ x", count: 60 + rng.nextIndex(10)) + sample
        case 7: return "{'text': 'I've got it', 'label': 'ham'}"
        case 8: return randomBytes(&rng)
        default: return mangled(sample, &rng)
        }
    }

    /// Walls and towers of brackets, each a few times per run: `{` x 20,000, `[` 10,000 deep, unclosed objects,
    /// thousands of fences, stray brackets before the answer.
    func wall(_ which: Int, _ rng: inout SeededRandom) -> String {
        let sample = object(validMembers(&rng))
        let size = 10_000 + rng.nextIndex(20_000)
        switch which % 7 {
        case 0: return String(repeating: "{", count: 20_000)
        case 1: return String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        case 2: return String(repeating: "[", count: size)
        case 3: return String(repeating: "{\"a\": ", count: size / 6)
        case 4: return String(repeating: "```{```", count: size / 7) + sample
        case 5: return String(repeating: "Here is {one} [two] ", count: size / 20) + sample
        default: return String(repeating: "{ x", count: size / 3) + sample
        }
    }

    /// A sample with brackets, quotes, commas and backslashes inserted, removed or swapped at random.
    func mangled(_ text: String, _ rng: inout SeededRandom) -> String {
        var characters = Array(text)
        let alphabet = Array("{}[]\"\\,:'`")
        for _ in 0..<(1 + rng.nextIndex(6)) where !characters.isEmpty {
            let position = rng.nextIndex(characters.count)
            switch rng.nextIndex(3) {
            case 0: characters[position] = alphabet[rng.nextIndex(alphabet.count)]
            case 1: characters.remove(at: position)
            default: characters.insert(alphabet[rng.nextIndex(alphabet.count)], at: position)
            }
        }
        return String(characters)
    }

    func randomBytes(_ rng: inout SeededRandom) -> String {
        let bytes = (0..<rng.size(400, big: 4_000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Numbers and escapes

    func numbers(_ rng: inout SeededRandom) -> String {
        var members = validMembers(&rng)
        for (position, name) in members.map(\.0).enumerated() where name != "text" && rng.chance(0.6) {
            members[position].1 = pick(Self.awkwardNumbers, &rng)
        }
        if rng.chance(0.2) { return "[" + pick(Self.awkwardNumbers, &rng) + "]" }
        return object(members)
    }

    func escapes(_ rng: inout SeededRandom) -> String {
        let count = rng.size(100, big: 8_000)
        let storms = [
            String(repeating: "\\\\", count: count * 2),
            String(repeating: "\\u0000", count: count),
            String(repeating: "\\ud83d\\ude00", count: count / 2),
            String(repeating: "\\ud800", count: 1 + count % 100),
            String(repeating: "\\\"", count: count),
            String(repeating: "\\", count: count + 1),
            "\\x41\\q\\u12\\uZZZZ\\",
            String(repeating: "\\n\\t\\r\\b\\f\\/", count: count / 4),
        ]
        var members = validMembers(&rng)
        members[0].1 = "\"" + pick(storms, &rng) + "\""
        return object(members)
    }

    // MARK: Echoed secrets

    /// The marker as a server echoing the request's headers would put it, in every place a sample has.
    func echo(_ rng: inout SeededRandom) -> String {
        let header = "Authorization: Bearer " + marker
        // Grapheme extenders right after the secret: Swift's `String.contains` then no longer sees it.
        let glued = marker + pick(["\u{0301}", "\u{FE0F}", "\u{1F3FB}", "\u{200D}👍", "\u{20DD}", ""], &rng)
        var members = validMembers(&rng)
        let half = marker.count / 2
        switch rng.nextIndex(13) {
        case 0: return header + "\n" + object(members)
        case 1: members[0].1 = quoted("my key is \(header) ok")
        case 2: members[0].1 = quoted("key " + glued + " here")
        case 3: members.append((marker, "\"x\""))
        case 4: members.append((header, "1"))
        case 5: members[0].1 = "\"" + marker.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined() + " is the key\""
        case 6:
            members[0].1 = quoted("key " + String(marker.prefix(half)))
            members.append(("note", quoted(String(marker.dropFirst(half)))))
        case 7: members[1].1 = quoted(marker)  // an enum value: the schema reason quotes (an excerpt of) it
        case 8: members[1].1 = quoted("Bearer " + marker + " " + String(repeating: "x", count: rng.nextIndex(100)))
        case 9: return object(members) + "\n\n(" + header + ")"
        case 10: return "```" + marker + "\n" + object(members) + "\n```"
        case 11: return "{'text': '" + header + "', 'label': 'ham'}"
        default: return String(repeating: header + " ", count: rng.size(3, big: 2_000))
        }
        return object(members)
    }

    /// An output no schema accepts: cut off, pseudo-JSON, random bytes, a wall of brackets, an echoed header
    /// alone, or megabytes.
    func broken(_ rng: inout SeededRandom) -> Output {
        let sample = object(validMembers(&rng))
        switch rng.nextIndex(8) {
        case 0: return Output(family: .garbage, text: String(sample.prefix(rng.nextIndex(sample.count))), cutOff: true)
        case 1: return Output(family: .echo, text: "{'text': 'Authorization: Bearer " + marker + "', 'label': 'ham'}")
        case 2: return Output(family: .garbage, text: randomBytes(&rng))
        case 3: return Output(family: .garbage, text: wall(rng.nextIndex(7), &rng))
        case 4: return Output(family: .echo, text: "<html>Authorization: Bearer " + marker + "</html>")
        case 5 where rng.chance(0.1): return Output(family: .huge, text: huge(&rng))
        default: return Output(family: .mutatedSample, text: "{\"text\": \"Bearer " + marker + "\", \"label\": 7}")
        }
    }

    // MARK: Huge

    /// 1-10 MB: a huge string in a sample, a huge run of brackets, or the marker repeated.
    func huge(_ rng: inout SeededRandom) -> String {
        let size = (1 + rng.nextIndex(10)) * 1_000_000
        switch rng.nextIndex(3) {
        case 0: return "{\"text\": \"" + String(repeating: "a", count: size) + "\", \"label\": \"ham\"}"
        case 1: return String(repeating: "[{", count: size / 2)
        default: return String(repeating: "Authorization: Bearer " + marker + "\n", count: size / (marker.count + 23))
        }
    }

    // MARK: Helpers

    func object(_ members: [(String, String)]) -> String {
        "{" + members.map { quoted($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// A JSON string literal for `text`; escape sequences already in it (`\\ud800`) are kept as written.
    func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    func pick(_ choices: [String], _ rng: inout SeededRandom) -> String {
        choices[rng.nextIndex(choices.count)]
    }
}

extension SeededRandom {
    mutating func chance(_ probability: Double) -> Bool { nextUnit() < probability }

    /// A count: 1...typical nine times in ten, else up to `big`.
    mutating func size(_ typical: Int, big: Int) -> Int { 1 + nextIndex(chance(0.9) ? typical : big) }
}

import Foundation
import GenCore
import Testing
@testable import GenStore

@Suite struct SecretRedactionTests {
    static let environment = [
        "OPENAI_API_KEY": "sk-live-0123456789abcdef",
        "HF_TOKEN": "hf_tok\"with\\quotes99",
        "gen_webhook_secret": "whsec-lowercase-name",
        "SHORT_KEY": "1",
        "GEN_LLM_URL": "http://127.0.0.1:8080/v1",
    ]
    static let secrets = ["sk-live-0123456789abcdef", "hf_tok\"with\\quotes99", "whsec-lowercase-name"]

    @Test func picksSecretNamesAndIgnoresShortValues() {
        let redactor = SecretRedactor(environment: Self.environment)
        #expect(redactor.redact("key=sk-live-0123456789abcdef;") == "key=[redacted OPENAI_API_KEY];")
        #expect(redactor.redact("url http://127.0.0.1:8080/v1 and 1") == "url http://127.0.0.1:8080/v1 and 1")
        #expect(redactor.redact(CanonicalJSON.string(.string("hf_tok\"with\\quotes99"))) == "\"[redacted HF_TOKEN]\"")
        #expect(SecretRedactor(environment: [:]).isEmpty)
    }

    /// Every place a string can enter the store gets a secret; none may survive in any row, file or export.
    @Test func noSecretReachesAnyStoredByte() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let options = StoreOptions(redactor: SecretRedactor(environment: Self.environment))
        let leak = Self.secrets.joined(separator: " | ")
        var run = Fixtures.newRun()
        run.graph = .object(["headers": .object(["Authorization": .string("Bearer " + Self.secrets[0])])])
        run.scriptPath = "scripts/\(Self.secrets[2]).gen"
        let store = try RunStore(creating: run, in: directory.url, options: options)
        var accepted = Fixtures.accepted(slot: 0, text: "my key is \(leak)")
        accepted.armParameters = .object(["api_key": .string(Self.secrets[0])])
        accepted.checks[1].detail = .object(["prompt": .string(leak)])
        let rejected = Fixtures.rejected(slot: 1, reasons: ["leaked \(Self.secrets[1])"], raw: "raw \(leak)")
        var batch = Fixtures.batch(0, router: .object(["note": .string(leak)]))
        batch.metrics = .object([Self.secrets[0]: .string(leak)])
        try await store.record(batch: batch, candidates: [accepted, rejected])
        try await store.record(evaluation: EvaluationRecord(
            batchIndex: 0, afterAccepted: 1, protocolName: leak, metrics: .object(["log": .string(leak)]),
            credit: [Self.secrets[2]: 0.5], routerState: .string(leak)))
        try await store.cache(.string(leak), kind: "judge", key: leak)
        try await store.setStatus(.failed, detail: "HTTP 401 for key \(Self.secrets[0])")
        try await store.export(ExportOptions(provenance: true))
        #expect(try await store.verifyExports(ExportOptions(provenance: true)).isConsistent)
        await store.close()

        // Row by row through SQLite, and byte by byte through every file in the run directory.
        let connection = try SQLiteConnection(path: directory.child(RunStore.databaseName).path, readOnly: true)
        let tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table'").map { try $0.text("name") }
        var textsSeen = 0
        for table in tables {
            for row in try connection.query("SELECT * FROM \(table)") {
                for case .text(let text) in row.values {
                    textsSeen += 1
                    for secret in Self.secrets { #expect(!text.contains(secret), "\(table) holds a secret: \(text)") }
                }
            }
        }
        #expect(textsSeen > 30)  // the scan really read the rows
        #expect(try connection.query("SELECT raw_text FROM candidates WHERE slot = 1").first?.text("raw_text").contains("[redacted HF_TOKEN]") == true)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
        #expect(files.contains("dataset.jsonl") && files.contains(RunStore.databaseName))
        for file in files {
            let bytes = try Data(contentsOf: directory.child(file))
            for secret in Self.secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) holds a secret")
            }
        }
    }

    /// Found by the output fuzz suite: `String.contains` compares Characters, so a key followed by a combining mark, a
    /// variation selector or an emoji modifier (a different last grapheme) was stored whole; and an excerpt cut inside
    /// a key (a schema message quotes 37 characters of a value) left its start, which no whole-key search finds.
    @Test func aSecretIsFoundByItsBytesAndWhenCutShort() {
        let redactor = SecretRedactor(secrets: ["OPENAI_API_KEY": "sk-live-0123456789abcdef"])
        for glue in ["\u{0301}", "\u{FE0F}", "\u{1F3FB}", "\u{200D}👍", "\u{20DD}"] {
            let text = redactor.redact("key sk-live-0123456789abcdef\(glue) ok")
            #expect(Array(text.utf8) == Array("key [redacted OPENAI_API_KEY]\(glue) ok".utf8))
        }
        #expect(redactor.redact("got \"sk-live-0123456789a...\"") == "got \"[redacted OPENAI_API_KEY]...\"", "19 bytes of it")
        #expect(redactor.redact("sk-live-01234 is short") == "sk-live-01234 is short", "13 bytes: ordinary text")
        let short = SecretRedactor(secrets: ["PIN_KEY": "12345678abc"])
        #expect(short.redact("12345678abc 12345678ab") == "[redacted PIN_KEY] 12345678ab", "a short secret only whole")
    }

    /// A server answered with megabytes: the store keeps the first 64 KB of the raw text, redacted before it is cut.
    @Test func aHugeRawTextIsStoredCutAndRedacted() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(
            creating: Fixtures.newRun(), in: directory.url, options: StoreOptions(redactor: SecretRedactor(environment: Self.environment)))
        let raw = String(repeating: "é", count: 32_758) + Self.secrets[0] + String(repeating: "x", count: 2_000_000)
        try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.rejected(slot: 0, raw: raw)])
        let stored = try #require(try await store.candidates(batch: 0).first?.record.rawText)
        await store.close()
        // 65,516 bytes of é, then the key: redacted, then cut inside "[redacted OPENAI_API_KEY]" at 65,536 bytes.
        let kept = String(repeating: "é", count: 32_758) + "[redacted OPENAI_API"
        let redactedCount = raw.utf8.count - Self.secrets[0].utf8.count + "[redacted OPENAI_API_KEY]".utf8.count
        let note = "… (\(redactedCount) bytes in all; the first 65536 kept)"
        let expected = stored == kept + note
        #expect(expected, "\(stored.utf8.count) bytes ending \(stored.suffix(80))")
    }
}

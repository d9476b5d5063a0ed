import Foundation
import GenCore
import Testing

@testable import GenQuality

struct BandTableTests {
    @Test func returnsEveryRowStoredUnderAKey() {
        var table = BandTable(capacity: 16)
        let key: UInt64 = 0xABCD_0123_0000_0042
        for row in [Int32(3), 7, 11] { table.insert(key: key, row: row) }
        table.insert(key: 0x1111_0000_0000_0000, row: 99)
        var seen: [Int32] = []
        table.forEach(keys: [key]) { seen.append($0) }
        #expect(Set(seen) == [3, 7, 11])
        var none: [Int32] = []
        table.forEach(keys: [0x2222_0000_0000_0000]) { none.append($0) }
        #expect(none.isEmpty)
    }

    @Test func keysWithTheSameHighBitsShareACellTagAndBothRowsComeBack() {
        // The table keeps 32 bits of each key: the caller verifies rows on the whole signature.
        var table = BandTable()
        table.insert(key: 0x5555_5555_0000_0001, row: 1)
        table.insert(key: 0x5555_5555_0000_0002, row: 2)
        var seen: [Int32] = []
        table.forEach(keys: [0x5555_5555_0000_0001]) { seen.append($0) }
        #expect(Set(seen) == [1, 2])
    }

    @Test func growingKeepsEveryRow() {
        var table = BandTable(capacity: 16)
        var random = SeededRandom(seed: 3)
        let keys = (0..<5_000).map { _ in random.next() }
        for (row, key) in keys.enumerated() { table.insert(key: key, row: Int32(row)) }
        #expect(table.count == 5_000)
        for (row, key) in keys.enumerated() where row % 97 == 0 {
            var seen: [Int32] = []
            table.forEach(keys: [key]) { seen.append($0) }
            #expect(seen.contains(Int32(row)))
        }
    }
}

struct LargePoolDedupTests {
    /// Random fourteen-word sentences from a 2,000-word vocabulary: unrelated to one another.
    static func sentences(_ count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            (0..<14).map { _ in "w\(random.next() % 2_000)" }.joined(separator: " ")
        }
    }

    @Test func nearDuplicatesAreFoundInAPoolOfThousandsAndAfterRestoring() throws {
        var index = try DedupIndex()
        let pool = Self.sentences(3_000, seed: 11)
        for (row, text) in pool.enumerated() {
            index.accept(index.fingerprint(id: "p\(row)", text: TextNormalizer.normalize(text)))
        }
        let restored = try JSONDecoder().decode(DedupIndex.self, from: JSONEncoder().encode(index))
        for row in stride(from: 0, to: 3_000, by: 61) {
            // One word appended to fourteen: word 3-gram Jaccard 12/13, far above 0.7.
            let probe = TextNormalizer.normalize(pool[row] + " again")
            for candidate in [index, restored] {
                let verdict = candidate.check(candidate.fingerprint(id: "q", text: probe))
                guard case .nearDuplicate(let of, let jaccard, _) = verdict else {
                    Issue.record("row \(row): expected a near duplicate, got \(verdict)")
                    continue
                }
                #expect(of == "p\(row)")
                #expect(jaccard >= 0.8)
            }
        }
        // And unrelated sentences are not.
        for text in Self.sentences(50, seed: 12) {
            #expect(index.check(index.fingerprint(id: "q", text: TextNormalizer.normalize(text))) == .unique)
        }
    }
}

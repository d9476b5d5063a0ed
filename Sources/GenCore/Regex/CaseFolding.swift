/// Simple (one scalar to one scalar) case folding for `(?i)`: two scalars match when their folds are equal.
/// A fold is the lowercase of the uppercase, so `ſ`, `s` and `S` meet, as do `ς`, `σ` and `Σ`, and the
/// Kelvin sign meets `k`. Mappings to several scalars (`ß` to "SS") are left alone: `(?i)ß` does not match "SS".
enum CaseFolding {
    static func fold(_ value: UInt32) -> UInt32 {
        if value < 0x80 { return (0x41...0x5A).contains(value) ? value + 0x20 : value }
        // The dotted and dotless i fold to themselves outside Turkish, as in ICU.
        guard value != 0x130, value != 0x131, let scalar = Unicode.Scalar(value) else { return value }
        let upper = single(scalar.properties.uppercaseMapping) ?? scalar
        return (single(upper.properties.lowercaseMapping) ?? single(scalar.properties.lowercaseMapping) ?? scalar).value
    }

    /// The scalars a class must test besides the scalar itself so that `(?i)[a-z]` matches `K` and
    /// `(?i)[A-Z]` matches `ſ`: its fold, lowercase and uppercase.
    static func variants(_ value: UInt32) -> [UInt32] {
        if value < 0x80 {
            if (0x41...0x5A).contains(value) { return [value + 0x20] }
            if (0x61...0x7A).contains(value) { return [value - 0x20] }
            return []
        }
        guard let scalar = Unicode.Scalar(value) else { return [] }
        let mapped = [single(scalar.properties.lowercaseMapping), single(scalar.properties.uppercaseMapping)]
        return ([fold(value)] + mapped.compactMap { $0?.value }).filter { $0 != value }
    }

    /// True when the scalar has case variants, so a literal of it must compare folds.
    static func hasVariants(_ value: UInt32) -> Bool {
        !variants(value).isEmpty
    }

    private static func single(_ text: String) -> Unicode.Scalar? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return nil }
        return first
    }
}

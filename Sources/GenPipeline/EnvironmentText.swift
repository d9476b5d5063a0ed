/// How every output says which environment variables a script read: names only, never values.
public enum EnvironmentText {
    /// "GEN_LLM_URL, GEN_EMBED_URL (endpoint URLs); NOTE_KEY (secret, redacted from every output)", or nil.
    public static func names(_ uses: [EnvironmentUse]?) -> String? {
        guard let uses, !uses.isEmpty else { return nil }
        let groups: [(EnvironmentUse.Disclosure, String)] = [
            (.secret, "secret, redacted from every output"), (.url, "endpoint URLs"), (.public, "public_env, shown"),
            (.unset, "not set, the script's defaults used"),
        ]
        return groups.compactMap { disclosure, meaning -> String? in
            let names = uses.filter { $0.disclosure == disclosure }.map(\.name)
            return names.isEmpty ? nil : names.joined(separator: ", ") + " (\(meaning))"
        }.joined(separator: "; ")
    }

    /// The run summary's line.
    public static func summary(_ uses: [EnvironmentUse]?) -> String? {
        names(uses).map { "environment variables read: " + $0 }
    }
}

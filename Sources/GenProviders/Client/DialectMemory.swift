/// Which structured-output dialect a model's servers accept, once one was accepted (a pool's servers are
/// assumed to run the same software).
actor DialectMemory {
    private(set) var dialect: StructuredOutputDialect?

    func remember(_ accepted: StructuredOutputDialect) {
        dialect = accepted
    }
}

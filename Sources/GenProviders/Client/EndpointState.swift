/// What a client has learnt about its server: whether it ever answered, and which
/// structured-output dialect it accepts.
actor EndpointState {
    private(set) var hasAnswered = false
    private(set) var dialect: StructuredOutputDialect?

    func markAnswered() {
        hasAnswered = true
    }

    func remember(_ accepted: StructuredOutputDialect) {
        dialect = accepted
    }
}

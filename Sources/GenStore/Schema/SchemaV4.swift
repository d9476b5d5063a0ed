/// Dollars (`price:` on a model, `max_dollars` in the spec): each candidate keeps its generation call's prompt and
/// completion tokens apart (a price has one rate for each) and what it cost at the declared prices, its model
/// checks included; a discovery keeps what asking cost. NULL is unknown: a row written before this version, or a
/// model without a price. `tokens` stays the total it always was.
enum SchemaV4 {
    static let migration = Migration(version: 4, sql: """
        ALTER TABLE candidates ADD COLUMN prompt_tokens INTEGER;
        ALTER TABLE candidates ADD COLUMN completion_tokens INTEGER;
        ALTER TABLE candidates ADD COLUMN dollars REAL;
        ALTER TABLE attribute_discoveries ADD COLUMN dollars REAL;
        """)
}

import GenCore

extension Parser {
    /// Parses `{ item* }` for a block declaration. Each item is parsed by `item` (nil: reported, skipped).
    /// An unclosed block is noticed at the end of the file or at a line that starts a new declaration.
    mutating func parseBlockBody<Item>(
        _ what: @autoclosure () -> String, itemName: String, allowsCommas: Bool, item: (inout Parser) throws(ParseFailure) -> Item?
    ) throws(ParseFailure) -> BlockBody<Item> {
        let open = try expect(.leftBrace, "to open the \(what())")
        var items: [Item] = []
        while true {
            if at(.rightBrace) {
                let closingTrivia = current.leadingTrivia(in: source)
                let close = advance()
                return BlockBody(items: items, openBrace: open, closeBrace: close, closingTrivia: closingTrivia)
            }
            if isAtEnd || (atLineStart && looksLikeDeclarationStart()) {
                reportUnclosed("}", "the \(what())", opener: open)
                return BlockBody(items: items, openBrace: open, closeBrace: nil, closingTrivia: [])
            }
            let start = index
            do throws(ParseFailure) {
                if let parsed = try item(&self) { items.append(parsed) }
                let tookComma = allowsCommas && index > start && tokens[index - 1].kind == .comma
                if !tookComma, !expectEndOfLine(after: "the \(itemName)", closers: [.rightBrace], hint: "put one \(itemName) per line") {
                    throw ParseFailure()
                }
            } catch {
                synchronizeBlockItem(from: start)
            }
            if index == start { advance() }  // progress guarantee
        }
    }

    /// schema_decl = 'schema' , IDENT , "{" , { field , [ "," ] } , "}" ;
    mutating func parseSchemaDecl() throws(ParseFailure) -> SchemaDecl {
        let start = index
        advance()
        let name = try parseName("a schema name after `schema`")
        let body = try parseBlockBody("schema `\(name.name)`", itemName: "field", allowsCommas: true) { (parser: inout Parser) throws(ParseFailure) in
            try parser.parseField()
        }
        return SchemaDecl(name: name, body: body, span: span(from: start), trivia: trivia(from: start))
    }

    /// field = IDENT , [ "?" ] , ":" , expr ;
    mutating func parseField() throws(ParseFailure) -> Field? {
        let start = index
        try requireItemName()
        let name = try parseName("a field name")
        let isOptional = take(.question)
        try expectOrAssume(.colon, "after the field name `\(name.name)`")
        try requireValueOnSameLine(after: name.name)
        let value = try parseExpr()
        let span = span(from: start)
        _ = take(.comma)  // before reading trivia, so a comment after the comma stays with the field
        return Field(name: name, isOptional: isOptional, value: value, span: span, trivia: trivia(from: start))
    }

    /// spec_decl = 'spec' , IDENT , attr_block ;
    mutating func parseSpecDecl() throws(ParseFailure) -> BlockDecl {
        let start = index
        advance()
        let name = try parseName("a spec name after `spec`")
        let body = try parseAttrBlock("spec `\(name.name)`")
        return BlockDecl(name: name, body: body, span: span(from: start), trivia: trivia(from: start))
    }

    /// evaluate_decl = 'evaluate' , attr_block ;
    mutating func parseEvaluateDecl() throws(ParseFailure) -> BlockDecl {
        let start = index
        advance()
        let body = try parseAttrBlock("`evaluate` block")
        return BlockDecl(name: nil, body: body, span: span(from: start), trivia: trivia(from: start))
    }

    /// expect_decl = 'expect' , attr_block ;
    mutating func parseExpectDecl() throws(ParseFailure) -> BlockDecl {
        let start = index
        advance()
        let body = try parseAttrBlock("`expect` block")
        return BlockDecl(name: nil, body: body, span: span(from: start), trivia: trivia(from: start))
    }

    /// attr_block = "{" , { attr , [ "," ] } , "}" ;
    mutating func parseAttrBlock(_ what: @autoclosure () -> String) throws(ParseFailure) -> BlockBody<Attribute> {
        try parseBlockBody(what(), itemName: "attribute", allowsCommas: true) { (parser: inout Parser) throws(ParseFailure) in
            try parser.parseAttr()
        }
    }

    /// attr = IDENT , ":" , expr ;
    mutating func parseAttr() throws(ParseFailure) -> Attribute? {
        let start = index
        try requireItemName()
        let key = try parseName("an attribute name")
        try expectOrAssume(.colon, "after the attribute name `\(key.name)`")
        try requireValueOnSameLine(after: key.name)
        let value = try parseExpr()
        let span = span(from: start)
        _ = take(.comma)  // before reading trivia, so a comment after the comma stays with the attribute
        return Attribute(key: key, value: value, span: span, trivia: trivia(from: start))
    }

    /// `count:` followed by a line that starts the next item (or closes the block) has no value: say so,
    /// rather than taking the next line's name as the value.
    mutating func requireValueOnSameLine(after name: String) throws(ParseFailure) {
        guard atLineStart, looksLikeBlockItemStart() || at(.rightBrace) || isAtEnd else { return }
        report(Messages.expectedExpression("end of line"), at: missingTokenSpan, hint: "give `\(name)` a value on the same line")
        throw ParseFailure()
    }

    /// A block item must start with a name; anything else is reported (with the line-start special cases).
    mutating func requireItemName() throws(ParseFailure) {
        switch kind {
        case .identifier, .keyword: return
        default:
            reportUnexpectedAtLineStart(expecting: Messages.expectedName("a name", foundDescriptionAtStart))
            throw ParseFailure()
        }
    }

    /// quality_decl = 'quality' , "{" , { quality_entry } , "}" ;
    mutating func parseQualityDecl() throws(ParseFailure) -> QualityDecl {
        let start = index
        advance()
        let body = try parseBlockBody("`quality` block", itemName: "entry", allowsCommas: false) { (parser: inout Parser) throws(ParseFailure) in
            try parser.parseQualityEntry()
        }
        return QualityDecl(body: body, span: span(from: start), trivia: trivia(from: start))
    }

    /// quality_entry = rule_entry | score_entry | dedup_entry | diversity_entry ;
    mutating func parseQualityEntry() throws(ParseFailure) -> QualityEntry? {
        guard case .identifier(let word) = kind else {
            reportUnexpectedAtLineStart(expecting: Messages.expectedQualityEntry(foundDescriptionAtStart))
            throw ParseFailure()
        }
        switch ContextualWord.named(word) {
        case .rule: return try parseRuleEntry()
        case .score: return try parseScoreEntry()
        case .dedup: return try parseDedupEntry()
        case .diversity: return try parseDiversityEntry()
        default:
            let suggestion = suggest(word, candidates: ContextualWord.qualityEntries.map(\.rawValue))
            report(Messages.expectedQualityEntry("`\(word)`"), hint: suggestion.map { "did you mean `\($0)`?" })
            throw ParseFailure()
        }
    }

    /// rule_entry = 'rule' , STRING , expr ;
    mutating func parseRuleEntry() throws(ParseFailure) -> QualityEntry? {
        let start = index
        let keyword = advance()
        let name = try parseEntryName("rule")
        let check = try parseExpr()
        guard let name else { return nil }
        return QualityEntry(kind: .rule(name: name, check: check), keywordSpan: keyword, span: span(from: start), trivia: trivia(from: start))
    }

    /// score_entry = 'score' , STRING , expr , { score_modifier } ;
    mutating func parseScoreEntry() throws(ParseFailure) -> QualityEntry? {
        let start = index
        let keyword = advance()
        let name = try parseEntryName("score")
        let value = try parseExpr()
        var modifiers: [ScoreModifier] = []
        while !atLineStart, let modifier = kind.identifierName.flatMap(ScoreModifier.Kind.init(rawValue:)) {
            modifiers.append(try parseScoreModifier(modifier))
        }
        if case .identifier(let word) = kind, !atLineStart,
            let suggestion = suggest(word, candidates: ContextualWord.scoreModifiers.map(\.rawValue))
        {
            report(Messages.unexpectedAfterExpression("`\(word)`", "the score"), hint: "did you mean `\(suggestion)`?")
            throw ParseFailure()
        }
        guard let name else { return nil }
        return QualityEntry(
            kind: .score(name: name, value: value, modifiers: modifiers), keywordSpan: keyword, span: span(from: start),
            trivia: trivia(from: start))
    }

    /// score_modifier = ( 'weight' | 'threshold' ) , expr ;
    mutating func parseScoreModifier(_ modifier: ScoreModifier.Kind) throws(ParseFailure) -> ScoreModifier {
        let start = index
        let word = advance()
        guard !atLineStart, !isAtEnd, canStartExpression(kind) else {
            report(Messages.missingModifierValue(modifier.rawValue), at: isAtEnd || atLineStart ? word.endPoint : current.span)
            throw ParseFailure()
        }
        let value = try parseExpr()
        return ScoreModifier(kind: modifier, value: value, span: span(from: start))
    }

    /// dedup_entry = 'dedup' , expr ;
    mutating func parseDedupEntry() throws(ParseFailure) -> QualityEntry {
        let start = index
        let keyword = advance()
        let value = try parseExpr()
        return QualityEntry(kind: .dedup(value), keywordSpan: keyword, span: span(from: start), trivia: trivia(from: start))
    }

    /// diversity_entry = 'diversity' , expr ;
    mutating func parseDiversityEntry() throws(ParseFailure) -> QualityEntry {
        let start = index
        let keyword = advance()
        let value = try parseExpr()
        return QualityEntry(kind: .diversity(value), keywordSpan: keyword, span: span(from: start), trivia: trivia(from: start))
    }

    /// The string naming a rule or score; reported (nil) when missing, and the entry's expression is still parsed.
    mutating func parseEntryName(_ entry: String) throws(ParseFailure) -> StringName? {
        if case .string(let literal) = kind, !atLineStart {
            let span = advance()
            return StringName(value: literal.plainValue ?? source.text(of: span), span: span)
        }
        report(Messages.expectedRuleName(entry, foundDescription), at: missingTokenSpan)
        if atLineStart || isAtEnd || !canStartExpression(kind) { throw ParseFailure() }
        return nil
    }
}

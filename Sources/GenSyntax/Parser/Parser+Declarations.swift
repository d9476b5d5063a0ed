import GenCore

extension Parser {
    /// A declaration's name: an identifier; a keyword is reported and accepted so parsing goes on.
    mutating func parseName(_ what: @autoclosure () -> String) throws(ParseFailure) -> Identifier {
        switch kind {
        case .identifier(let name):
            return Identifier(name, span: advance())
        case .keyword(let keyword) where !atLineStart:
            report(keyword.isReserved ? Messages.reservedKeyword(keyword.rawValue) : Messages.keywordAsName(keyword.rawValue))
            return Identifier(keyword.rawValue, span: advance())
        default:
            report(Messages.expectedName(what(), foundDescription), at: missingTokenSpan)
            throw ParseFailure()
        }
    }

    /// let_decl = "let" , IDENT , [ ":" , type ] , "=" , expr ;
    mutating func parseLetDecl() throws(ParseFailure) -> LetDecl {
        let start = index
        advance()
        let name = try parseName("a name after `let`")
        var type: TypeRef?
        if take(.colon) { type = try parseType() }
        try expectOrAssume(.equal, "after `let \(name.name)`")
        let value = try parseExpr()
        return LetDecl(name: name, type: type, value: value, span: span(from: start), trivia: trivia(from: start))
    }

    /// fn_decl = "fn" , IDENT , "(" , [ param , { "," , param } , [ "," ] ] , ")" , [ "->" , type ] , "=" , expr ;
    mutating func parseFnDecl() throws(ParseFailure) -> FnDecl {
        let start = index
        advance()
        let name = try parseName("a function name after `fn`")
        let open = try expect(.leftParen, "after the function name `\(name.name)`", hint: "e.g. `fn short(text: string) -> bool = len(text) < 80`")
        var parameters: [Parameter] = []
        try parseCommaList(closer: .rightParen, context: "the parameter list", opener: open) { (parser: inout Parser) throws(ParseFailure) in
            parameters.append(try parser.parseParam())
        }
        var returnType: TypeRef?
        if take(.arrow) { returnType = try parseType() }
        try expect(.equal, "before the body of `\(name.name)`", hint: "a function body is one expression after `=`")
        let body = try parseExpr()
        return FnDecl(name: name, parameters: parameters, returnType: returnType, body: body, span: span(from: start), trivia: trivia(from: start))
    }

    /// param = IDENT , [ ":" , type ] , [ "=" , expr ] ;
    mutating func parseParam() throws(ParseFailure) -> Parameter {
        let start = index
        let name = try parseName("a parameter name")
        var type: TypeRef?
        if take(.colon) { type = try parseType() }
        var defaultValue: Expr?
        if take(.equal) { defaultValue = try parseExpr() }
        return Parameter(name: name, type: type, defaultValue: defaultValue, span: span(from: start))
    }

    /// type = IDENT , [ "(" , type , { "," , type } , [ "," ] , ")" ] , [ "?" ] ;
    mutating func parseType() throws(ParseFailure) -> TypeRef {
        let start = index
        try enterNesting()
        defer { depth -= 1 }
        let name = try parseName("a type name")
        var arguments: [TypeRef] = []
        if at(.leftParen), !atLineStart {
            let open = advance()
            try parseCommaList(closer: .rightParen, context: "the type arguments", opener: open) { (parser: inout Parser) throws(ParseFailure) in
                arguments.append(try parser.parseType())
            }
        }
        let isOptional = take(.question)
        return TypeRef(name: name, arguments: arguments, isOptional: isOptional, span: span(from: start))
    }

    /// model_decl = 'model' , IDENT , "=" , expr ;
    mutating func parseModelDecl() throws(ParseFailure) -> NamedDecl {
        try parseNamedDecl("model")
    }

    /// arm_decl = 'arm' , IDENT , "=" , expr ;
    mutating func parseArmDecl() throws(ParseFailure) -> NamedDecl {
        try parseNamedDecl("arm")
    }

    /// The shared shape of `model` and `arm`.
    mutating func parseNamedDecl(_ word: String) throws(ParseFailure) -> NamedDecl {
        let start = index
        advance()
        let name = try parseName("a name after `\(word)`")
        try expectOrAssume(.equal, "after `\(word) \(name.name)`")
        let value = try parseExpr()
        return NamedDecl(name: name, value: value, span: span(from: start), trivia: trivia(from: start))
    }

    /// router_decl = 'router' , expr ;
    mutating func parseRouterDecl() throws(ParseFailure) -> ExprDecl {
        let start = index
        advance()
        if at(.equal) {
            report(Messages.expectedExpression("`=`"), hint: "write the policy directly: `router epsilon_greedy(epsilon: 0.3)`", fixIt: .remove(current.span))
            advance()
        }
        let value = try parseExpr()
        return ExprDecl(value: value, span: span(from: start), trivia: trivia(from: start))
    }

    /// reward_decl = 'reward' , "=" , expr ;
    mutating func parseRewardDecl() throws(ParseFailure) -> ExprDecl {
        let start = index
        advance()
        try expectOrAssume(.equal, "after `reward`")
        let value = try parseExpr()
        return ExprDecl(value: value, span: span(from: start), trivia: trivia(from: start))
    }

    func isClosingDelimiter(_ kind: TokenKind) -> Bool {
        kind == .rightParen || kind == .rightBracket || kind == .rightBrace
    }

    /// Parses `item {"," item} [","]` up to `closer`, which it consumes. Reports a doubled comma and carries on;
    /// reports an unclosed list (at end of file or at a line that starts a new declaration) and fails.
    mutating func parseCommaList(
        closer: TokenKind, context: String, opener: Span, item: (inout Parser) throws(ParseFailure) -> Void
    ) throws(ParseFailure) {
        while true {
            if take(closer) { return }
            if isAtEnd || (atLineStart && looksLikeDeclarationStart()) {
                reportUnclosed(closer.spelling, context, opener: opener)
                throw ParseFailure()
            }
            if at(.comma) {
                report(Messages.duplicateComma(), fixIt: .remove(current.span))
                advance()
                continue
            }
            try item(&self)
            if take(.comma) { continue }
            if take(closer) { return }
            let startsNewItem = atLineStart && (looksLikeDeclarationStart() || looksLikeBlockItemStart())
            if isAtEnd || startsNewItem || isClosingDelimiter(kind) {
                reportUnclosed(closer.spelling, context, opener: opener)
            } else {
                // Line breaks mean nothing inside brackets, so name the token found, not "end of line".
                report(
                    Messages.expectedToken(",", "or `\(closer.spelling)` in \(context)", foundDescriptionAtStart), at: current.span,
                    secondary: [DiagnosticLabel("`\(source.text(of: opener))` opened here", at: opener)],
                    hint: canStartExpression(kind) ? "separate the items with `,`" : nil)
            }
            throw ParseFailure()
        }
    }
}

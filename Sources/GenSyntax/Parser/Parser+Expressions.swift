import GenCore

extension Parser {
    /// expr = if_expr | binary_expr ;
    mutating func parseExpr() throws(ParseFailure) -> Expr {
        try enterNesting()
        defer { depth -= 1 }
        if at(.keyword(.if)) { return try parseIfExpr() }
        return try parseBinaryExpr(minPrecedence: 0)
    }

    /// if_expr = "if" , expr , "then" , expr , "else" , expr ;
    mutating func parseIfExpr() throws(ParseFailure) -> Expr {
        let start = index
        advance()
        let condition = try parseExpr()
        let thenHint = at(.equal) ? "to compare, use `==`" : "write `if condition then a else b`"
        try expect(.keyword(.then), "after the condition of `if`", hint: thenHint)
        let thenBranch = try parseExpr()
        try expect(.keyword(.else), "in this `if` expression", hint: "an `if` expression always has an `else` branch")
        let elseBranch = try parseExpr()
        return Expr(.if(condition: condition, then: thenBranch, else: elseBranch), span: span(from: start))
    }

    /// binary_expr = unary_expr , { binary_op , unary_expr } ;
    ///
    /// Precedence climbing: operands of an operator bind tighter operators first. Non-associative operators
    /// (`->`, comparisons, ranges) may not be chained; a chain is reported once and parsed left to right.
    mutating func parseBinaryExpr(minPrecedence: Int) throws(ParseFailure) -> Expr {
        var left = try parseUnaryExpr()
        var levels = 0
        defer { depth -= levels }
        var previous: (op: BinaryOperator, span: Span)?
        while let op = binaryOperator(kind), op.precedence >= minPrecedence {
            let opToken = advance()
            if let previous, !previous.op.isAssociative, previous.op.precedence == op.precedence {
                report(
                    Messages.chainedOperator(op.rawValue), at: opToken,
                    secondary: [DiagnosticLabel("after this `\(previous.op.rawValue)`", at: previous.span)], hint: chainHint(op))
            }
            try enterNesting()
            levels += 1
            let right = try parseBinaryExpr(minPrecedence: op.precedence + 1)
            left = Expr(.binary(op, left, right), span: left.span.union(right.span))
            previous = (op, opToken)
        }
        return left
    }

    func chainHint(_ op: BinaryOperator) -> String {
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: "combine two comparisons with `&&`, e.g. `a == b && b == c`"
        case .range, .halfOpenRange: "a range has one `..` or `..<`, e.g. `0.0..2.0`"
        default: "add parentheses to say which comes first"
        }
    }

    /// binary_op = "->" | "||" | "&&" | "==" | "!=" | "<" | "<=" | ">" | ">=" | ".." | "..<"
    ///           | "+" | "-" | "*" | "/" | "%" ;
    func binaryOperator(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .arrow: .mapping
        case .pipePipe: .or
        case .ampAmp: .and
        case .equalEqual: .equal
        case .bangEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .dotDot: .range
        case .dotDotLess: .halfOpenRange
        case .plus: .add
        case .minus: .subtract
        case .star: .multiply
        case .slash: .divide
        case .percent: .remainder
        default: nil
        }
    }

    /// unary_expr = ( "!" | "-" ) , unary_expr | postfix_expr ;
    mutating func parseUnaryExpr() throws(ParseFailure) -> Expr {
        let op: UnaryOperator
        switch kind {
        case .bang: op = .not
        case .minus: op = .negate
        default: return try parsePostfixExpr()
        }
        let start = index
        advance()
        try enterNesting()
        defer { depth -= 1 }
        let operand = try parseUnaryExpr()
        return Expr(.unary(op, operand), span: span(from: start))
    }

    /// postfix_expr = primary_expr , { call_suffix | member_suffix | index_suffix } ;
    mutating func parsePostfixExpr() throws(ParseFailure) -> Expr {
        var expr = try parsePrimaryExpr()
        var levels = 0
        defer { depth -= levels }
        while true {
            switch kind {
            case .leftParen where !atLineStart:
                try enterNesting()
                levels += 1
                expr = try parseCallSuffix(expr)
            case .leftBracket where !atLineStart:
                try enterNesting()
                levels += 1
                expr = try parseIndexSuffix(expr)
            case .dot:
                try enterNesting()
                levels += 1
                expr = try parseMemberSuffix(expr)
            default:
                return expr
            }
        }
    }

    /// call_suffix = "(" , [ argument , { "," , argument } , [ "," ] ] , ")" ;
    mutating func parseCallSuffix(_ callee: Expr) throws(ParseFailure) -> Expr {
        let open = advance()
        var arguments: [Argument] = []
        var firstNamed: Span?
        try parseCommaList(closer: .rightParen, context: "the argument list", opener: open) { (parser: inout Parser) throws(ParseFailure) in
            let argument = try parser.parseArgument()
            if let label = argument.label {
                if firstNamed == nil { firstNamed = label.span }
            } else if let firstNamed {
                parser.report(
                    Messages.positionalAfterNamed(), at: argument.span,
                    secondary: [DiagnosticLabel("first named argument", at: firstNamed)])
            }
            arguments.append(argument)
        }
        return Expr(.call(callee: callee, arguments: arguments), span: callee.span.union(tokens[index - 1].span))
    }

    /// argument = [ IDENT , ":" ] , expr ;
    mutating func parseArgument() throws(ParseFailure) -> Argument {
        let start = index
        var label: Identifier?
        if case .identifier(let name) = kind, peekKind(1) == .colon {
            label = Identifier(name, span: advance())
            advance()
        }
        let value = try parseExpr()
        return Argument(label: label, value: value, span: span(from: start))
    }

    /// member_suffix = "." , IDENT ;
    mutating func parseMemberSuffix(_ base: Expr) throws(ParseFailure) -> Expr {
        advance()
        let name: Identifier
        if case .identifier(let text) = kind, !atLineStart {
            name = Identifier(text, span: advance())
        } else {
            report(Messages.expectedName("a member name after `.`", foundDescription), at: missingTokenSpan)
            throw ParseFailure()
        }
        return Expr(.member(base, name), span: base.span.union(name.span))
    }

    /// index_suffix = "[" , expr , "]" ;
    mutating func parseIndexSuffix(_ base: Expr) throws(ParseFailure) -> Expr {
        let open = advance()
        let subscriptExpr = try parseExpr()
        guard take(.rightBracket) else {
            report(
                Messages.expectedClosingDelimiter("]", "the index"), at: missingTokenSpan,
                secondary: [DiagnosticLabel("unclosed `[` opened here", at: open)])
            throw ParseFailure()
        }
        return Expr(.index(base, subscriptExpr), span: base.span.union(tokens[index - 1].span))
    }

    /// primary_expr = INT | FLOAT | string_literal | "true" | "false" | "none" | IDENT
    ///              | paren_expr | list_expr | record_expr ;
    mutating func parsePrimaryExpr() throws(ParseFailure) -> Expr {
        let token = current
        switch token.kind {
        case .int(let value): advance(); return Expr(.int(value), span: token.span)
        case .float(let value): advance(); return Expr(.float(value), span: token.span)
        case .string: return parseStringLiteral()
        case .keyword(.true): advance(); return Expr(.bool(true), span: token.span)
        case .keyword(.false): advance(); return Expr(.bool(false), span: token.span)
        case .keyword(.none): advance(); return Expr(.none, span: token.span)
        case .identifier(let name): advance(); return Expr(.name(name), span: token.span)
        case .leftParen: return try parseParenExpr()
        case .leftBracket: return try parseListExpr()
        case .leftBrace: return try parseRecordExpr()
        case .error: advance(); return Expr(.error, span: token.span)
        case .keyword(let keyword) where keyword.isReserved:
            report(Messages.reservedKeyword(keyword.rawValue))
            advance()
            return Expr(.error, span: token.span)
        case .keyword(.if):
            report(Messages.expectedExpression(foundDescription), hint: "put an `if` expression used as an operand in parentheses")
            throw ParseFailure()
        default:
            if atLineStart, kind == .leftParen || kind == .leftBracket {
                reportUnexpectedAtLineStart(expecting: Messages.expectedExpression(foundDescription))
            } else {
                report(Messages.expectedExpression(foundDescription), at: missingTokenSpan)
            }
            throw ParseFailure()
        }
    }

    /// True for tokens that can begin an expression.
    func canStartExpression(_ kind: TokenKind) -> Bool {
        switch kind {
        case .int, .float, .string, .identifier, .leftParen, .leftBracket, .leftBrace, .bang, .minus, .error,
            .keyword(.true), .keyword(.false), .keyword(.none), .keyword(.if):
            true
        default: false
        }
    }

    /// paren_expr = "(" , expr , ")" ;
    mutating func parseParenExpr() throws(ParseFailure) -> Expr {
        let start = index
        let open = advance()
        let inner = try parseExpr()
        guard take(.rightParen) else {
            if isAtEnd || atLineStart {
                reportUnclosed(")", "the parenthesis", opener: open)
            } else {
                report(
                    Messages.expectedClosingDelimiter(")", "the parenthesis"), at: missingTokenSpan,
                    secondary: [DiagnosticLabel("`(` opened here", at: open)])
            }
            throw ParseFailure()
        }
        return Expr(.paren(inner), span: span(from: start))
    }

    /// list_expr = "[" , [ expr , { "," , expr } , [ "," ] ] , "]" ;
    mutating func parseListExpr() throws(ParseFailure) -> Expr {
        let start = index
        let open = advance()
        var elements: [Expr] = []
        try parseCommaList(closer: .rightBracket, context: "the list", opener: open) { (parser: inout Parser) throws(ParseFailure) in
            elements.append(try parser.parseExpr())
        }
        return Expr(.list(elements), span: span(from: start))
    }

    /// record_expr = "{" , [ record_field , { "," , record_field } , [ "," ] ] , "}" ;
    mutating func parseRecordExpr() throws(ParseFailure) -> Expr {
        let start = index
        let open = advance()
        var fields: [RecordField] = []
        try parseCommaList(closer: .rightBrace, context: "the record", opener: open) { (parser: inout Parser) throws(ParseFailure) in
            fields.append(try parser.parseRecordField())
        }
        return Expr(.record(fields), span: span(from: start))
    }

    /// record_field = ( IDENT | STRING ) , ":" , expr ;
    mutating func parseRecordField() throws(ParseFailure) -> RecordField {
        let start = index
        let key: String
        var isQuoted = false
        switch kind {
        case .identifier(let name): key = name
        case .string(let literal):
            key = literal.plainValue ?? current.text(in: source)
            isQuoted = true
        default:
            report(Messages.expectedName("a record key (a name or a string)", foundDescription), at: missingTokenSpan)
            throw ParseFailure()
        }
        let keySpan = advance()
        try expectOrAssume(.colon, "after the record key")
        let value = try parseExpr()
        return RecordField(key: key, keySpan: keySpan, isQuotedKey: isQuoted, value: value, span: span(from: start))
    }

    /// string_literal = STRING ;
    ///
    /// Each interpolation's tokens are parsed by a nested parser that shares the nesting budget; its errors are
    /// reported and leave an `.error` expression, so the string itself always parses.
    mutating func parseStringLiteral() -> Expr {
        let kind = self.kind
        let span = advance()
        guard case .string(let literal) = kind else { return Expr(.error, span: span) }
        var segments: [StringExpr.Segment] = []
        for segment in literal.segments {
            switch segment {
            case .text(let text, let span):
                segments.append(.text(text, span))
            case .interpolation(let inner, let interpolationSpan):
                var parser = Parser(source: source, tokens: inner, depth: depth)
                parser.endDescription = "`)`"
                segments.append(.interpolation(parser.parseInterpolation(interpolationSpan)))
                diagnostics += parser.diagnostics
            }
        }
        return Expr(.string(StringExpr(segments: segments, isMultiline: literal.isMultiline)), span: span)
    }

    /// interpolation = "\(" , expr , ")" ;
    mutating func parseInterpolation(_ span: Span) -> Expr {
        guard !isAtEnd else { return Expr(.error, span: span) }  // empty: reported by the lexer
        do throws(ParseFailure) {
            let expr = try parseExpr()
            if !isAtEnd {
                report(Messages.unexpectedAfterExpression(kind.displayName, "the interpolated expression"), hint: "an interpolation holds one expression")
                return Expr(.error, span: span)
            }
            return expr
        } catch {
            return Expr(.error, span: span)
        }
    }
}

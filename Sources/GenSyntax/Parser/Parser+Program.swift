import GenCore

extension Parser {
    /// program = version_decl , { top_level } ;
    mutating func parseProgram(requireVersion: Bool = true) -> Program {
        var version: VersionDecl?
        if case .keyword(.gen) = kind {
            version = parseVersionDecl()
        } else if requireVersion, !tokens.contains(where: { $0.kind == .keyword(.gen) && $0.isAtStartOfLine }) {
            let at = current.span.startPoint
            report(Messages.missingVersionLine(), at: at, fixIt: FixIt.insert("gen 0.1\n", at: at))
        }
        var declarations: [Declaration] = []
        var sawOtherDeclaration = false
        while !isAtEnd {
            let start = index
            if let declaration = parseTopLevel() {
                if case .import(let decl) = declaration {
                    if sawOtherDeclaration { report(Messages.importAfterDeclaration(), at: decl.span) }
                } else {
                    sawOtherDeclaration = true
                }
                declarations.append(declaration)
            }
            if index == start { advance() }  // progress guarantee
        }
        return Program(source: source, tokens: tokens, version: version, declarations: declarations, endTrivia: current.leadingTrivia(in: source))
    }

    /// version_decl = "gen" , FLOAT ;
    mutating func parseVersionDecl() -> VersionDecl? {
        let start = index
        advance()
        let token = current
        guard case .float = token.kind, !token.isAtStartOfLine else {
            report(Messages.badVersion(foundDescription), at: missingTokenSpan)
            synchronizeTopLevel(from: start)
            return nil
        }
        advance()
        let text = token.text(in: source)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else {
            report(Messages.badVersion("`\(text)`"), at: token.span)
            return nil
        }
        let decl = VersionDecl(version: text, major: major, minor: minor, span: span(from: start), trivia: trivia(from: start))
        if !expectEndOfLine(after: "the version line") { synchronizeTopLevel(from: start) }
        return decl
    }

    /// top_level = import_decl | declaration ;
    ///
    /// Returns nil after reporting and synchronising on an error.
    mutating func parseTopLevel() -> Declaration? {
        let start = index
        reportedTooDeep = false
        do throws(ParseFailure) {
            let declaration: Declaration
            if case .keyword(.import) = kind {
                declaration = .import(try parseImportDecl())
            } else if case .keyword(.gen) = kind {
                report(Messages.versionNotFirst(), at: current.span, hint: index == 0 ? nil : "a script has one version line, at the top")
                throw ParseFailure()
            } else {
                declaration = try parseDeclaration()
            }
            if !expectEndOfLine(after: "the declaration") { synchronizeTopLevel(from: start) }
            return declaration
        } catch {
            synchronizeTopLevel(from: start)
            return nil
        }
    }

    /// After a complete line-level construct, the next token must start a new line (or close the block).
    /// Reports and returns false otherwise; the caller synchronises.
    mutating func expectEndOfLine(
        after context: @autoclosure () -> String, closers: [TokenKind] = [], hint: @autoclosure () -> String? = nil
    ) -> Bool {
        guard !isAtEnd, !atLineStart, !closers.contains(kind) else { return true }
        report(Messages.unexpectedAfterExpression(kind.displayName, context()), hint: hint() ?? "put one declaration or entry per line")
        return false
    }

    /// import_decl = "import" , STRING , [ "as" , IDENT ] ;
    mutating func parseImportDecl() throws(ParseFailure) -> ImportDecl {
        let start = index
        advance()
        guard case .string(let literal) = kind, !atLineStart else {
            report(Messages.expectedName("the imported path as a string", foundDescription), at: missingTokenSpan,
                   hint: "e.g. `import \"std/arms\"` or `import \"./shared/rules.gen\"`")
            throw ParseFailure()
        }
        let pathSpan = advance()
        let path = literal.plainValue ?? source.text(of: pathSpan)
        var alias: Identifier?
        if take(.keyword(.as)) {
            alias = try parseName("a name after `as`")
        }
        return ImportDecl(path: path, pathSpan: pathSpan, alias: alias, span: span(from: start), trivia: trivia(from: start))
    }

    /// declaration = let_decl | fn_decl | model_decl | schema_decl | spec_decl | arm_decl
    ///             | router_decl | quality_decl | reward_decl | evaluate_decl | expect_decl ;
    mutating func parseDeclaration() throws(ParseFailure) -> Declaration {
        switch kind {
        case .keyword(.let): return .let(try parseLetDecl())
        case .keyword(.fn): return .fn(try parseFnDecl())
        case .identifier(let word):
            switch ContextualWord.named(word) {
            case .model: return .model(try parseModelDecl())
            case .schema: return .schema(try parseSchemaDecl())
            case .spec: return .spec(try parseSpecDecl())
            case .arm: return .arm(try parseArmDecl())
            case .router: return .router(try parseRouterDecl())
            case .quality: return .quality(try parseQualityDecl())
            case .reward: return .reward(try parseRewardDecl())
            case .evaluate: return .evaluate(try parseEvaluateDecl())
            case .expect: return .expect(try parseExpectDecl())
            default:
                reportUnknownDeclaration(word)
                throw ParseFailure()
            }
        default:
            reportUnexpectedAtLineStart(expecting: Messages.expectedDeclaration(foundDescriptionAtStart))
            throw ParseFailure()
        }
    }

    /// "found" wording for a token that is expected to start a line.
    var foundDescriptionAtStart: String {
        isAtEnd ? "end of file" : kind.displayName
    }

    mutating func reportUnknownDeclaration(_ word: String) {
        let words = ["let", "fn", "import"] + ContextualWord.declarations.map(\.rawValue)
        var hint: String?
        if let suggestion = suggest(word, candidates: words) {
            hint = "did you mean `\(suggestion)`?"
        } else if peekKind(1) == .equal {
            hint = "to define a constant, write `let \(word) = ...`"
        } else {
            hint = Messages.expectedDeclaration("").hint
        }
        report(Messages.unknownDeclaration(word), hint: hint)
    }

    /// `(` or `[` at the start of a line right after an expression gets a dedicated explanation.
    mutating func reportUnexpectedAtLineStart(expecting message: DiagnosticMessage) {
        if kind == .leftParen || kind == .leftBracket, atLineStart, let previous, endsExpression(previous.kind) {
            report(Messages.newLineBeforeParenthesis(kind.spelling))
        } else if kind == .rightBrace || kind == .rightParen || kind == .rightBracket {
            report(Messages.unmatchedClosingDelimiter(kind.spelling))
        } else {
            report(message)
        }
    }

    /// True for tokens that can end an expression (so a following `(` would have been a call).
    func endsExpression(_ kind: TokenKind) -> Bool {
        switch kind {
        case .identifier, .int, .float, .string, .rightParen, .rightBracket, .rightBrace, .keyword(.true), .keyword(.false), .keyword(.none): true
        default: false
        }
    }
}

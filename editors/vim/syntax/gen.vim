" Vim syntax for Gen scripts (.gen). The same rules as editors/vscode/syntaxes/gen.tmLanguage.json, the
" grammar tested against the real lexer; the word lists are Keyword and ContextualWord in
" Sources/GenSyntax/Lexer/Keyword.swift.
if exists("b:current_syntax") | finish | endif

" Hard keywords: never names.
syn keyword genConditional if then else
syn keyword genKeyword gen import as
syn keyword genKeyword let fn nextgroup=genFunctionName skipwhite
syn keyword genConstant true false none
syn keyword genReserved match for in while return extends
syn match genFunctionName "\h\w*" contained

" Contextual words are keywords only where a declaration or entry can start (grammar/gen.ebnf);
" `model:` or `score` elsewhere are ordinary names, so each needs its context.
syn match genDeclaration "^\s*\zs\%(model\|arm\)\ze\s\+\h\w*\s*=" nextgroup=genVariableName skipwhite
syn match genDeclaration "^\s*\zsschema\>" nextgroup=genTypeName skipwhite
syn match genDeclaration "^\s*\zsspec\>" nextgroup=genSectionName skipwhite
syn match genDeclaration "^\s*\zs\%(router\|reward\)\>\%(\s*:\)\@!"
syn match genDeclaration "^\s*\zs\%(quality\|evaluate\|expect\)\ze\s*{"
syn match genQuality "^\s*\zs\%(rule\|score\)\ze\s\+\""
syn match genQuality "^\s*\zs\%(dedup\|diversity\)\>\%(\s*:\)\@!"
syn match genQuality "\%([)\]\"[:alnum:]_]\s\+\)\@<=\%(weight\|threshold\)\ze\s\+[-0-9(A-Za-z_]"
syn match genVariableName "\h\w*" contained
syn match genTypeName "\h\w*" contained
syn match genSectionName "\h\w*" contained

" `name:` in arguments, fields and attributes (not `::`), and calls.
syn match genLabel "\<\h\w*\ze?\=\s*:\%(:\)\@!"
syn match genCall "\<\h\w*\ze("
syn match genOperator "->\|||\|&&\|[=!<>]=\|\.\.<\|\.\.\|[-+*/%=<>!?]"

" Numbers: INT and FLOAT; `0..2` is an INT, a range and an INT.
syn match genNumber "\<\d[0-9_]*\>"
syn match genFloat "\<\d[0-9_]*\%(\.\d[0-9_]*\%([eE][+-]\=\d[0-9_]*\)\=\|[eE][+-]\=\d[0-9_]*\)\>"

" Strings: escapes, `\(expr)` interpolation whose parentheses nest; `"""` strings span lines.
syn cluster genExpression contains=genConditional,genKeyword,genConstant,genReserved,genLabel,genCall,genOperator,genNumber,genFloat,genString,genTripleString,genComment,genDocComment,genBlockComment,genParens
syn match genEscapeError "\\[^(]" contained
syn match genEscape "\\[ntr\"\\0]" contained
syn match genEscape "\\u{\x\+}" contained
syn region genInterpolation matchgroup=genInterpolationDelimiter start="\\(" end=")" contained contains=@genExpression
syn region genParens start="(" end=")" contained transparent contains=@genExpression
syn region genString start=+"+ skip=+\\\\\|\\"+ end=+"\|$+ contains=genEscapeError,genEscape,genInterpolation
syn region genTripleString start=+"""+ end=+"""+ contains=genEscapeError,genEscape,genInterpolation

" Comments last: `//` inside a string is text, but a comment hides everything after it.
syn keyword genTodo TODO FIXME XXX NOTE contained
syn match genComment "//.*$" contains=genTodo,@Spell
syn match genDocComment "///.*$" contains=genTodo,@Spell
syn region genBlockComment start="/\*" end="\*/" contains=genBlockComment,genTodo,@Spell

hi def link genConditional Conditional
hi def link genKeyword Keyword
hi def link genConstant Boolean
hi def link genReserved Keyword
hi def link genDeclaration Keyword
hi def link genQuality Keyword
hi def link genFunctionName Function
hi def link genVariableName Identifier
hi def link genTypeName Type
hi def link genSectionName Identifier
hi def link genLabel Identifier
hi def link genCall Function
hi def link genOperator Operator
hi def link genNumber Number
hi def link genFloat Float
hi def link genString String
hi def link genTripleString String
hi def link genEscape SpecialChar
hi def link genEscapeError Error
hi def link genInterpolationDelimiter Delimiter
hi def link genTodo Todo
hi def link genComment Comment
hi def link genDocComment SpecialComment
hi def link genBlockComment Comment

let b:current_syntax = "gen"

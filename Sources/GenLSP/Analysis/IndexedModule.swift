import GenCore
import GenSyntax

/// One parsed module a document can reach (itself or an import), with where an editor can open it.
struct IndexedModule {
    /// The module key: `std/arms`, `shared/rules.gen`, or the root's file name.
    let key: String
    let program: Program
    /// A `file:` URI to open for go-to-definition; nil when there is none (an untitled buffer).
    let uri: String?
    let symbols: [DeclaredSymbol]

    init(key: String, program: Program, uri: String?) {
        self.key = key
        self.program = program
        self.uri = uri
        self.symbols = DeclaredSymbol.all(in: program)
    }

    var source: SourceFile { program.source }

    func symbol(named name: String) -> DeclaredSymbol? {
        symbols.first { $0.name == name }
    }
}

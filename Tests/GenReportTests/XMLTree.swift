import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The report page parsed by Foundation's strict XML parser into a tree: if it parses, it is well-formed.
final class XMLTree: NSObject, XMLParserDelegate {
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// This node and everything below it, in document order.
        var descendants: [Node] { [self] + children.flatMap(\.descendants) }

        /// Descendants with this element name and (optionally) this class.
        func all(_ name: String, className: String? = nil) -> [Node] {
            descendants.filter { node in
                node.name == name && (className.map { node.classes.contains($0) } ?? true)
            }
        }

        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

        /// All text below this node.
        var allText: String { text + children.map(\.allText).joined() }

        func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
    }

    private(set) var root: Node?
    private var stack: [Node] = []
    private(set) var error: String?

    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        if !parser.parse() {
            error = "line \(parser.lineNumber), column \(parser.columnNumber): " + (parser.parserError.map { "\($0)" } ?? "not well-formed")
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let node = Node(name: name, attributes: attributes)
        stack.last?.children.append(node)
        if stack.isEmpty { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    /// The element with this id.
    func element(id: String) -> Node? {
        root?.descendants.first { $0.attributes["id"] == id }
    }
}

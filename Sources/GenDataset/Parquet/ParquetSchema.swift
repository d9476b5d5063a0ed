/// A Parquet schema as a tree: the columns' nesting, nullability and physical types.
public struct ParquetNode: Sendable, Equatable {
    public enum Repetition: Int32, Sendable { case required = 0, optional = 1, repeated = 2 }

    /// The physical types Gen writes: JSON's scalars need no others.
    public enum PhysicalType: Int32, Sendable { case boolean = 0, int64 = 2, double = 5, byteArray = 6 }

    public indirect enum Kind: Sendable, Equatable {
        /// A leaf column; `utf8` marks a BYTE_ARRAY holding text (logical type STRING).
        case primitive(PhysicalType, utf8: Bool)
        /// A struct: a group with named children.
        case group([ParquetNode])
        /// A list in Parquet's standard three-level form: `group name (LIST) { repeated group list { element } }`.
        case list(element: ParquetNode)
    }

    public var name: String
    public var repetition: Repetition
    public var kind: Kind

    public init(_ name: String, _ repetition: Repetition, _ kind: Kind) {
        self.name = name
        self.repetition = repetition
        self.kind = kind
    }

    /// The repeated middle group of a list.
    static func listGroup(element: ParquetNode) -> ParquetNode { ParquetNode("list", .repeated, .group([element])) }
}

/// One leaf column with its path from the root and the highest levels its values can have.
public struct ParquetColumnDescriptor: Sendable, Equatable {
    public var path: [String]
    public var type: ParquetNode.PhysicalType
    public var maxDefinition: Int
    public var maxRepetition: Int
}

public struct ParquetSchema: Sendable, Equatable {
    public var fields: [ParquetNode]

    public init(fields: [ParquetNode]) { self.fields = fields }

    /// The leaf columns in schema order, the order column chunks are written in.
    public var columns: [ParquetColumnDescriptor] {
        var result: [ParquetColumnDescriptor] = []
        func visit(_ node: ParquetNode, path: [String], definition: Int, repetition: Int) {
            let definition = definition + (node.repetition == .required ? 0 : 1)
            let repetition = repetition + (node.repetition == .repeated ? 1 : 0)
            let path = path + [node.name]
            switch node.kind {
            case .primitive(let type, _):
                result.append(ParquetColumnDescriptor(path: path, type: type, maxDefinition: definition, maxRepetition: repetition))
            case .group(let children):
                for child in children { visit(child, path: path, definition: definition, repetition: repetition) }
            case .list(let element):
                visit(ParquetNode.listGroup(element: element), path: path, definition: definition, repetition: repetition)
            }
        }
        for field in fields { visit(field, path: [], definition: 0, repetition: 0) }
        return result
    }

    /// The footer's flattened schema: the root, then every node depth first.
    var elements: [ThriftValue] {
        var result: [ThriftValue] = [.structure([ThriftField(4, .string("schema")), ThriftField(5, .i32(Int32(fields.count)))])]
        func visit(_ node: ParquetNode) {
            var element = [ThriftField(3, .i32(node.repetition.rawValue)), ThriftField(4, .string(node.name))]
            switch node.kind {
            case .primitive(let type, let utf8):
                element.append(ThriftField(1, .i32(type.rawValue)))
                if utf8 {
                    element.append(ThriftField(6, .i32(0)))  // converted type UTF8, for older readers
                    element.append(ThriftField(10, .structure([ThriftField(1, .structure([]))])))  // logical type STRING
                }
                result.append(.structure(element))
            case .group(let children):
                element.append(ThriftField(5, .i32(Int32(children.count))))
                result.append(.structure(element))
                children.forEach(visit)
            case .list(let element_):
                element.append(ThriftField(5, .i32(1)))
                element.append(ThriftField(6, .i32(3)))  // converted type LIST
                element.append(ThriftField(10, .structure([ThriftField(3, .structure([]))])))  // logical type LIST
                result.append(.structure(element))
                visit(ParquetNode.listGroup(element: element_))
            }
        }
        fields.forEach(visit)
        return result
    }
}

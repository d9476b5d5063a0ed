/// One labelled example: the unit every loader, model, metric and credit computation works on.
public struct LabeledText: Sendable, Hashable, Codable {
    public var text: String
    public var label: String

    public init(text: String, label: String) {
        self.text = text
        self.label = label
    }
}

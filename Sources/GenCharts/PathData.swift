/// SVG path `d` strings for lines and filled areas.
public enum PathData {
    /// A polyline through `points`: "M x y L x y ...", or "" for no points.
    public static func line(_ points: [(x: Double, y: Double)]) -> String {
        var parts: [String] = []
        for (index, point) in points.enumerated() {
            parts.append((index == 0 ? "M" : "L") + NumberText.coordinate(point.x) + " " + NumberText.coordinate(point.y))
        }
        return parts.joined(separator: " ")
    }

    /// A closed area between an upper and a lower edge sharing the same x values: along the upper edge, back
    /// along the lower one, then "Z". Empty when there are no points.
    public static func area(_ points: [(x: Double, upper: Double, lower: Double)]) -> String {
        guard !points.isEmpty else { return "" }
        let forward = points.map { (x: $0.x, y: $0.upper) }
        let backward = points.reversed().map { (x: $0.x, y: $0.lower) }
        let upperEdge = line(forward)
        let lowerEdge = backward.map { "L" + NumberText.coordinate($0.x) + " " + NumberText.coordinate($0.y) }.joined(separator: " ")
        return upperEdge + " " + lowerEdge + " Z"
    }
}

/// A sample's vector with its id, made by `VectorIndex.item(id:vector:)` (which checks it and projects it
/// once onto the index's hyperplanes, so a check and a later add share the work).
public struct VectorItem: Sendable, Equatable {
    public let id: String
    public let vector: FeatureVector
    let normSquared: Double
    /// Projections on every hyperplane of the index that made the item (before centring).
    public let projection: [Float]

    init(id: String, vector: FeatureVector, projection: [Float]) {
        self.id = id
        self.vector = vector
        self.normSquared = vector.normSquared
        self.projection = projection
    }
}

/// The most similar vector found, by centred cosine.
public struct NearestNeighbour: Sendable, Equatable {
    public let id: String
    public let cosine: Double
}

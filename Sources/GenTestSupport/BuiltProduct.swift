import Foundation

/// The executables `swift build` put next to the running test binary (`gen`), for tests that run them.
public enum BuiltProduct {
    /// The product's URL; an error naming it (never a skip) when it was not built.
    public static func url(_ name: String) throws -> URL {
        let testBinary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let url = URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(url.path): build the `\(name)` product first"])
        }
        return url
    }
}

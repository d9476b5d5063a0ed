import Foundation

/// `file://` URIs and paths: clients name documents by URI, the compiler by path.
enum FileURI {
    /// The path of a `file:` URI (percent-decoded), nil for other schemes (`untitled:`).
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    static func uri(ofPath path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.absoluteString
    }
}

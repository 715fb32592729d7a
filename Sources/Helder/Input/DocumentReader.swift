/// Turns a file's bytes into the text Helder analyzes. One implementation per input format.
public protocol DocumentReader: Sendable {
    /// File name extensions this reader handles, lowercased, without the dot.
    static var extensions: [String] { get }
    func read(_ bytes: [UInt8]) throws(InputError) -> SourceText
}

/// Plain text in any encoding `TextDecoder` understands.
public struct PlainTextReader: DocumentReader {
    public static let extensions = ["txt", "text"]
    public init() {}

    public func read(_ bytes: [UInt8]) throws(InputError) -> SourceText {
        let decoded = try TextDecoder().decode(bytes)
        guard decoded.utf8.contains(where: { $0 > 0x20 }) else {
            throw .invalidDocument("het bestand bevat alleen witruimte")
        }
        return SourceText(decoded: decoded)
    }
}

/// Picks a reader by file name.
public enum DocumentReaders {
    public static let all: [any DocumentReader.Type] = [
        PlainTextReader.self, MarkdownReader.self, HTMLReader.self, DOCXReader.self, ODTReader.self,
    ]

    public static func reader(forPath path: String) -> any DocumentReader {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.contains(".") ? (name.split(separator: ".").last.map(String.init) ?? "").lowercased() : ""
        switch ext {
        case _ where MarkdownReader.extensions.contains(ext): return MarkdownReader()
        case _ where HTMLReader.extensions.contains(ext): return HTMLReader()
        case _ where DOCXReader.extensions.contains(ext): return DOCXReader()
        case _ where ODTReader.extensions.contains(ext): return ODTReader()
        default: return PlainTextReader()
        }
    }
}

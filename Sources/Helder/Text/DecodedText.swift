/// Text decoded from a file's bytes: UTF-8, exactly the characters of the file (a BOM removed), with a
/// map back to the file's byte offsets.
public struct DecodedText: Sendable {
    public var utf8: [UInt8]
    public var map: OffsetMap
    /// The encoding the bytes were read as ("UTF-8", "UTF-16LE", "windows-1252", …).
    public var encoding: String
    public var warnings: [InputWarning]

    public init(utf8: [UInt8], map: OffsetMap, encoding: String, warnings: [InputWarning] = []) {
        self.utf8 = utf8
        self.map = map
        self.encoding = encoding
        self.warnings = warnings
    }

    /// Text that is its own file (a docx's extracted text, a test string).
    public init(text: String) {
        let bytes = Array(text.utf8)
        self.init(utf8: bytes, map: .identity(length: bytes.count), encoding: "UTF-8")
    }
}

/// A problem Helder worked around: the file is still checked and the exit code does not change.
public struct InputWarning: Sendable, Hashable, Codable {
    public var message: String
    /// Byte offset in the file, where the problem has one.
    public var offset: Int?

    public init(message: String, offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }
}

/// Why a file could not be checked. The messages are Dutch and name no client text.
public enum InputError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case binary
    case unreadable(String)
    case notFound
    case isDirectory
    case tooLarge(size: Int, limit: Int)
    case invalidDocument(String)

    public var description: String {
        switch self {
        case .empty: "het bestand is leeg"
        case .binary: "geen tekstbestand (het bevat binaire gegevens)"
        case .unreadable(let reason): "kan het bestand niet lezen: \(reason)"
        case .notFound: "bestand of map bestaat niet"
        case .isDirectory: "dit is een map, geen bestand"
        case .tooLarge(let size, let limit):
            "het bestand is te groot (\(size / 1_048_576) MB; de grens is \(limit / 1_048_576) MB, zie --max-file-size)"
        case .invalidDocument(let reason): reason
        }
    }
}

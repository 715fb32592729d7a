import Foundation

/// The file system as the batch sees it. A protocol so tests can make a file vanish between discovery
/// and reading (tests run as root, which reads mode-000 files anyway).
public protocol FileSystem: Sendable {
    func kind(of path: String) -> FileKind
    func contents(ofDirectory path: String) throws -> [String]
    func read(_ path: String, limit: Int) throws(InputError) -> [UInt8]
    /// A stable identity of a directory (device and inode), to stop at symlink loops.
    func identity(of path: String) -> String?
}

public enum FileKind: Sendable {
    case file(size: Int)
    case directory
    case missing
    case other
}

public struct LocalFileSystem: FileSystem {
    public init() {}

    public func kind(of path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(info.st_size))
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    public func contents(ofDirectory path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path)
    }

    public func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        let size: Int
        switch kind(of: path) {
        case .missing: throw .notFound
        case .directory: throw .isDirectory
        case .other: throw .unreadable("geen gewoon bestand")
        case .file(let fileSize):
            if fileSize > limit { throw .tooLarge(size: fileSize, limit: limit) }
            size = fileSize
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable("geen toegang") }
        defer { close(descriptor) }
        // Read straight into the array, without a Data in between: one copy less of every file. One
        // byte more than the size, so that a file that grew since `stat` is noticed and read on.
        var failed = false
        func readChunk(upTo capacity: Int) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                HugePages.advise(buffer)
                if !Self.readAll(descriptor, into: buffer, count: &count) { failed = true }
            }
        }
        var bytes = readChunk(upTo: size + 1)
        while !failed && bytes.count > size && bytes.count <= limit {
            let chunk = readChunk(upTo: 65_536)
            if chunk.isEmpty { break }
            bytes += chunk
        }
        if failed { throw .unreadable("leesfout") }
        if bytes.count > limit { throw .tooLarge(size: bytes.count, limit: limit) }
        return bytes
    }

    /// Reads until `buffer` is full or the file ends; false on a read error. Also how
    /// `StreamingChecker` fills its chunks.
    static func readAll(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, count: inout Int) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        while count < buffer.count {
            let read = Foundation.read(descriptor, base + count, buffer.count - count)
            if read < 0 {
                if errno == EINTR { continue }
                return false
            }
            if read == 0 { break }
            count += read
        }
        return true
    }

    public func identity(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino)"
    }
}

/// Finds the files to check below the given paths: folders recursively (following links, never in a
/// loop), filtered by include/exclude globs and `.helderignore` files; in path order.
public struct FileDiscovery: Sendable {
    public static let defaultIncludes = ["*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.docx", "*.dotx", "*.docm", "*.odt", "*.ott"]

    public var includes: [Glob] = defaultIncludes.map(Glob.init)
    public var excludes: [Glob] = []
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// A path to check, or a path given on the command line that does not exist.
    public struct Input: Sendable, Hashable {
        public var path: String
        public var error: InputError?
    }

    public func discover(_ paths: [String]) -> [Input] {
        var result: [Input] = []
        discover(paths) { result.append($0) }
        return result
    }

    /// The same inputs handed on one by one as they are found, so that checking can start while a large
    /// folder is still being walked. Each folder's entries are visited in the order their paths sort
    /// (a subfolder sorts as its name with `/` after it: `a.txt` before `a/b.txt`), so the files of a
    /// folder come in path order without being collected and sorted first.
    public func discover(_ paths: [String], each: (Input) -> Void) {
        for path in paths {
            switch fileSystem.kind(of: path) {
            case .missing:
                each(Input(path: path, error: .notFound))
            case .directory:
                var visited = Set<String>()
                walk(path, relative: "", ignore: [], visited: &visited, each: each)
            default:
                // A file named explicitly is checked whatever its extension (but excludes still apply).
                if !excludes.contains(where: { $0.matches(path) }) { each(Input(path: path, error: nil)) }
            }
        }
    }

    /// Ignore rules with the folder (relative to the walk's start) their file is in: patterns match
    /// paths relative to that folder, as in git.
    private typealias ScopedIgnore = (rules: IgnoreRules, base: String)

    private func isIgnored(_ relativePath: String, isDirectory: Bool, _ ignore: [ScopedIgnore]) -> Bool {
        ignore.contains { scope in
            let path = scope.base.isEmpty ? relativePath : String(relativePath.dropFirst(scope.base.count + 1))
            return scope.rules.isIgnored(path, isDirectory: isDirectory)
        }
    }

    private func walk(_ directory: String, relative: String, ignore: [ScopedIgnore], visited: inout Set<String>,
                      each: (Input) -> Void) {
        guard let identity = fileSystem.identity(of: directory), visited.insert(identity).inserted else { return }
        var ignore = ignore
        let ignoreFile = join(directory, ".helderignore")
        if case .file = fileSystem.kind(of: ignoreFile), let bytes = try? fileSystem.read(ignoreFile, limit: 1_048_576) {
            ignore.append((IgnoreRules(String(decoding: bytes, as: UTF8.self)), relative))
        }
        guard let names = try? fileSystem.contents(ofDirectory: directory) else { return }
        var entries: [(order: String, name: String, path: String, kind: FileKind)] = []
        for name in names where name != ".helderignore" {
            if name.hasPrefix(".") && (name == ".git" || name == ".build" || name == ".svn" || name == ".hg") { continue }
            let path = join(directory, name)
            let kind = fileSystem.kind(of: path)
            if case .directory = kind { entries.append((name + "/", name, path, kind)) } else { entries.append((name, name, path, kind)) }
        }
        entries.sort { $0.order < $1.order }
        for (_, name, path, kind) in entries {
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            switch kind {
            case .directory:
                if isIgnored(relativePath, isDirectory: true, ignore) { continue }
                if excludes.contains(where: { $0.matches(relativePath, isDirectory: true) }) { continue }
                walk(path, relative: relativePath, ignore: ignore, visited: &visited, each: each)
            case .file:
                if isIgnored(relativePath, isDirectory: false, ignore) { continue }
                // Extensions match whatever their case (BRIEF.DOCX from a Windows share).
                let lowered = relativePath.lowercased()
                guard includes.contains(where: { $0.matches(relativePath) || Glob($0.pattern.lowercased()).matches(lowered) }) else { continue }
                if excludes.contains(where: { $0.matches(relativePath) }) { continue }
                each(Input(path: path, error: nil))
            default:
                continue
            }
        }
    }

    func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

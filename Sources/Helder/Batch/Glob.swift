import LexiconFormat

/// Shell-style globs as `.gitignore` and `--include` use them: `*` (not `/`), `**` (any folders), `?`,
/// `[abc]`. A pattern without `/` matches the file name at any depth.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    let anchored: Bool
    let directoryOnly: Bool
    let parts: [UInt8]

    public init(_ pattern: String) {
        var value = pattern
        directoryOnly = value.hasSuffix("/")
        if directoryOnly { value.removeLast() }
        if value.hasPrefix("/") {
            anchored = true
            value.removeFirst()
        } else {
            anchored = value.contains("/")
        }
        self.pattern = value
        parts = Array(value.utf8)
    }

    /// Does `path` (relative, `/`-separated) match? Directories are matched with `isDirectory`.
    public func matches(_ path: String, isDirectory: Bool = false) -> Bool {
        if directoryOnly && !isDirectory { return false }
        let bytes = Array(path.utf8)
        if anchored { return Self.match(parts[...], bytes[...]) }
        let name = bytes.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? bytes
        return Self.match(parts[...], name[...]) || Self.match(parts[...], bytes[...])
    }

    static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == UInt8(ascii: "*") {
            let doubleStar = pattern.dropFirst().first == UInt8(ascii: "*")
            let rest = pattern.dropFirst(doubleStar ? 2 : 1)
            if doubleStar, rest.first == UInt8(ascii: "/") {
                // `**/x` also matches `x` at the top.
                if match(rest.dropFirst(), text) { return true }
            }
            var index = text.startIndex
            while true {
                if match(rest, text[index...]) { return true }
                guard index < text.endIndex else { return false }
                if !doubleStar && text[index] == UInt8(ascii: "/") { return false }
                index += 1
            }
        }
        guard let character = text.first else { return false }
        if first == UInt8(ascii: "?") {
            return character != UInt8(ascii: "/") && match(pattern.dropFirst(), text.dropFirst())
        }
        if first == UInt8(ascii: "["), let close = pattern.dropFirst().firstIndex(of: UInt8(ascii: "]")) {
            var set = pattern[(pattern.startIndex + 1)..<close]
            let negate = set.first == UInt8(ascii: "!") || set.first == UInt8(ascii: "^")
            if negate { set = set.dropFirst() }
            var found = false
            var index = set.startIndex
            while index < set.endIndex {
                if index + 2 < set.endIndex, set[index + 1] == UInt8(ascii: "-") {
                    if character >= set[index] && character <= set[index + 2] { found = true }
                    index += 3
                } else {
                    if character == set[index] { found = true }
                    index += 1
                }
            }
            return found != negate && match(pattern[(close + 1)...], text.dropFirst())
        }
        return first == character && match(pattern.dropFirst(), text.dropFirst())
    }
}

/// The rules of a `.helderignore` file (gitignore syntax): later lines win, `!` re-includes.
public struct IgnoreRules: Sendable {
    var rules: [(glob: Glob, negated: Bool)] = []

    public init(_ text: String) {
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = String(rawLine).trimmingWhitespace()
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let negated = line.hasPrefix("!")
            if negated { line.removeFirst() }
            rules.append((Glob(line), negated))
        }
    }

    public func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        var ignored = false
        for rule in rules where rule.glob.matches(path, isDirectory: isDirectory) { ignored = !rule.negated }
        return ignored
    }
}

import Foundation
import LexiconFormat

/// Inline suppression comments, per line of the decoded text:
/// `<!-- helder-disable-next-line RULE - reason -->`, `<!-- helder-disable RULE -->` … `<!-- helder-enable RULE -->`,
/// and in plain text the same words on a line of their own. RULE may be a rule id, a category or an
/// entry id; several may be given, separated by commas; without RULE every rule is meant.
public struct Suppressions: Sendable {
    /// 1-based line → names suppressed on it ("*" for all).
    var byLine: [Int: Set<String>] = [:]

    public init(text: [UInt8]) {
        guard text.count < 64 * 1_048_576, Self.mentionsHelder(text) else { return }
        var active = Set<String>()
        var lineNumber = 0
        var nextLine: Set<String>? = nil
        for line in String(decoding: text, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            var current = active
            if let pending = nextLine {
                current.formUnion(pending)
                nextLine = nil
            }
            if let directive = Self.directive(in: String(line)) {
                switch directive.command {
                case "helder-disable-next-line": nextLine = directive.names
                case "helder-disable":
                    active.formUnion(directive.names)
                    current.formUnion(directive.names)
                case "helder-enable":
                    if directive.names.contains("*") { active.removeAll() } else { active.subtract(directive.names) }
                default: break
                }
            }
            if !current.isEmpty { byLine[lineNumber] = current }
        }
    }

    /// Read for every document, nearly always to find nothing: memchr jumps from `-` to `-` (in Dutch
    /// prose ten times rarer than the `h` it used to look for), many bytes at a time, and the six bytes
    /// before each are compared with `helder`.
    static func mentionsHelder(_ text: [UInt8]) -> Bool {
        let name = Array("helder".utf8)
        return text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            var position = name.count
            while position < buffer.count,
                  let found = memchr(base + position, Int32(UInt8(ascii: "-")), buffer.count - position) {
                position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + position - name.count, name, name.count) == 0 { return true }
                position += 1
            }
            return false
        }
    }

    static func directive(in line: String) -> (command: String, names: Set<String>)? {
        var content = line.trimmingWhitespace()
        if content.hasPrefix("<!--") {
            content = String(content.dropFirst(4))
            if let end = content.range(of: "-->") { content = String(content[..<end.lowerBound]) }
        } else if content.hasPrefix("#") || content.hasPrefix("//") {
            content = String(content.drop { $0 == "#" || $0 == "/" })
        }
        content = content.trimmingWhitespace()
        for command in ["helder-disable-next-line", "helder-disable", "helder-enable"] {
            guard content.hasPrefix(command) else { continue }
            let rest = content.dropFirst(command.count)
            guard rest.isEmpty || rest.first == " " else { continue }
            let beforeReason = rest.components(separatedBy: " - ").first ?? ""
            let names = beforeReason.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init).filter { !$0.isEmpty }
            return (command, names.isEmpty ? ["*"] : Set(names))
        }
        return nil
    }

    public func isSuppressed(_ finding: Finding, line: Int) -> Bool {
        guard let names = byLine[line] else { return false }
        if names.contains("*") || names.contains(finding.rule) || names.contains(finding.category) { return true }
        return finding.entry.map(names.contains) ?? false
    }
}

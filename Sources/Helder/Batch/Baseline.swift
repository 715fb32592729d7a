import Foundation

/// Known findings to leave out of reports: keyed on path, rule and a hash of the normalized match and
/// its sentence (no line numbers, no client text). Stored as sorted JSON, one finding per line.
public struct Baseline: Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public var path: String
        public var rule: String
        public var hash: String

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.path, lhs.rule, lhs.hash) < (rhs.path, rhs.rule, rhs.hash)
        }
    }

    /// Each key with how often it occurs (the same sentence may hold the same finding twice).
    public private(set) var counts: [Key: Int] = [:]

    public init() {}

    public init(reports: [FileReport]) {
        for report in reports { add(report) }
    }

    /// Adds the findings of a file (or of one part of it).
    public mutating func add(_ report: FileReport) {
        for finding in report.findings {
            counts[Key(path: report.path, rule: finding.finding.rule, hash: finding.baselineHash), default: 0] += 1
        }
    }

    public init(json: String) throws {
        guard let data = json.data(using: .utf8),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let findings = object["findings"] as? [[String: Any]] else {
            throw InputError.invalidDocument("geen geldige baseline (verwacht JSON met 'findings')")
        }
        for item in findings {
            guard let path = item["path"] as? String, let rule = item["rule"] as? String, let hash = item["hash"] as? String else { continue }
            counts[Key(path: path, rule: rule, hash: hash), default: 0] += 1
        }
    }

    public func rendered() -> String {
        var lines: [String] = []
        for key in counts.keys.sorted() {
            let line = "{\"path\":\(JSONWriter.quote(key.path)),\"rule\":\(JSONWriter.quote(key.rule)),\"hash\":\"\(key.hash)\"}"
            lines += Array(repeating: line, count: counts[key]!)
        }
        return "{\"version\":1,\"findings\":[\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n") + "]}\n"
    }

    /// Reports without the findings this baseline knows.
    public func filter(_ reports: [FileReport]) -> [FileReport] {
        var remaining = self
        return reports.map { remaining.remove(from: $0) }
    }

    /// The report without the findings this baseline still knows; each known finding is used up once,
    /// so a finding that occurs more often than in the baseline is reported. Feed files in order.
    public mutating func remove(from report: FileReport) -> FileReport {
        var report = report
        report.findings = report.findings.filter { finding in
            let key = Key(path: report.path, rule: finding.finding.rule, hash: finding.baselineHash)
            if let count = counts[key], count > 0 {
                counts[key] = count - 1
                return false
            }
            return true
        }
        return report
    }
}

/// Writes a file atomically: a temporary file in the same folder, then a rename.
public func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).helder-\(ProcessInfo.processInfo.processIdentifier).tmp")
    try Data(text.utf8).write(to: temporary)
    if rename(temporary.path, url.path) != 0 {
        try? FileManager.default.removeItem(at: temporary)
        throw InputError.unreadable("kan \(path) niet schrijven")
    }
}

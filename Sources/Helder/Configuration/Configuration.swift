import Foundation
import LexiconFormat
import Yams

/// `.helder.yml`: project settings. Unknown keys, unknown rule ids and wrong types become warnings with
/// file and line; YAML that cannot be parsed is an error.
public struct Configuration: Sendable {
    public var profile: Profile?
    /// Per-glob profiles (`dossier/**: dossier`), first match wins.
    public var paths: [(Glob, Profile)] = []
    public var include: [String] = []
    public var exclude: [String] = []
    public var disabled: Set<String> = []
    public var enabled: Set<String> = []
    public var severities: [String: Severity] = [:]
    public var accept: Set<String> = []
    public var lexiconFiles: [String] = []
    public var minSeverity: Severity?
    public var failOn: String?
    public var warnings: [String] = []
    /// The folder the file is in: relative lexicon paths start there.
    public var directory = "."

    public init() {}

    public static let fileName = ".helder.yml"
    static let keys = ["profile", "paths", "include", "exclude", "rules", "accept", "lexicons", "min_severity", "fail_on"]

    /// `.helder.yml` in `directory` or the nearest folder above it. Walked on the path's components, with
    /// `.` and `..` resolved as written (as `URL.standardizedFileURL` does): asked on every run, and the
    /// `URL` and `FileManager` calls cost a run over one letter 1 % of its time.
    public static func find(from directory: String) -> String? {
        let absolute = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        var folders: [Substring] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { _ = folders.popLast() } else { folders.append(part) }
        }
        while true {
            var candidate = ""
            for folder in folders {
                candidate += "/"
                candidate += folder
            }
            candidate += "/" + fileName
            if access(candidate, F_OK) == 0 { return candidate }
            if folders.isEmpty { return nil }
            folders.removeLast()
        }
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(path: String, knownNames: Set<String>) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(description: "\(path): kan het configuratiebestand niet lezen")
        }
        var configuration = try parse(String(decoding: data, as: UTF8.self), name: path, knownNames: knownNames)
        configuration.directory = (path as NSString).deletingLastPathComponent
        return configuration
    }

    public static func parse(_ text: String, name: String, knownNames: Set<String>) throws -> Configuration {
        var configuration = Configuration()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ParseError(description: "\(name): geen geldige YAML (\(error))")
        }
        guard let root else { return configuration }
        guard let mapping = root.mapping else {
            throw ParseError(description: "\(name): verwacht sleutels zoals 'profile:' en 'rules:'")
        }
        func warn(_ node: Node, _ message: String) {
            configuration.warnings.append("\(name):\(node.mark?.line ?? 0): \(message)")
        }
        func strings(_ node: Node, _ key: String) -> [String] {
            if let single = node.scalar { return [single.string] }
            guard let list = node.sequence else { warn(node, "'\(key)' moet een lijst zijn"); return [] }
            return list.compactMap { item in
                guard let value = item.scalar?.string else { warn(item, "'\(key)' bevat iets dat geen tekst is"); return nil }
                return value
            }
        }
        func checkName(_ node: Node, _ value: String) -> String? {
            if knownNames.contains(value) { return value }
            let hint = knownNames.min { editDistance($0, value) < editDistance($1, value) }
            let suffix = hint.flatMap { editDistance($0, value) <= 3 ? "; bedoelde je '\($0)'?" : nil } ?? ""
            warn(node, "onbekende regel '\(value)'\(suffix)")
            return nil
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "profile":
                if let profile = value.string.flatMap(Profile.init(rawValue:)) { configuration.profile = profile } else { warn(value, "'profile' moet brief of dossier zijn") }
            case "paths":
                guard let map = value.mapping else { warn(value, "'paths' moet sleutels hebben (glob: profiel)"); continue }
                for (glob, profile) in map {
                    guard let pattern = glob.string, let profile = profile.string.flatMap(Profile.init(rawValue:)) else {
                        warn(profile, "'paths' verwacht 'glob: brief' of 'glob: dossier'")
                        continue
                    }
                    configuration.paths.append((Glob(pattern), profile))
                }
            case "include": configuration.include = strings(value, key)
            case "exclude": configuration.exclude = strings(value, key)
            case "accept": configuration.accept = Set(strings(value, key))
            case "lexicons": configuration.lexiconFiles = strings(value, key)
            case "min_severity", "fail_on":
                let raw = value.string ?? ""
                if key == "fail_on" && raw == "never" { configuration.failOn = raw; continue }
                guard let severity = Severity(rawValue: raw) else { warn(value, "'\(key)' moet info, warning of error zijn"); continue }
                if key == "min_severity" { configuration.minSeverity = severity } else { configuration.failOn = raw }
            case "rules":
                guard let rules = value.mapping else { warn(value, "'rules' moet sleutels hebben (disable, enable, severity)"); continue }
                for (ruleKey, ruleValue) in rules {
                    switch ruleKey.string ?? "" {
                    case "disable":
                        for item in strings(ruleValue, "disable") { if let name = checkName(ruleValue, item) { configuration.disabled.insert(name) } }
                    case "enable":
                        for item in strings(ruleValue, "enable") { if let name = checkName(ruleValue, item) { configuration.enabled.insert(name) } }
                    case "severity":
                        guard let map = ruleValue.mapping else { warn(ruleValue, "'severity' moet sleutels hebben (regel: niveau)"); continue }
                        for (id, level) in map {
                            guard let idName = id.string, let name = checkName(id, idName) else { continue }
                            guard let severity = level.string.flatMap(Severity.init(rawValue:)) else {
                                warn(level, "niveau moet info, warning of error zijn")
                                continue
                            }
                            configuration.severities[name] = severity
                        }
                    default:
                        warn(ruleKey, "onbekende sleutel '\(ruleKey.string ?? "?")' onder 'rules' (kies uit: disable, enable, severity)")
                    }
                }
            default:
                let hint = keys.min { editDistance($0, key) < editDistance($1, key) }
                let suffix = hint.flatMap { editDistance($0, key) <= 3 ? "; bedoelde je '\($0)'?" : nil } ?? ""
                warn(keyNode, "onbekende sleutel '\(key)'\(suffix)")
            }
        }
        return configuration
    }

    /// The profile for a path from the per-glob settings.
    public func profile(forPath path: String) -> Profile? {
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return paths.first { $0.0.matches(relative) }?.1
    }
}

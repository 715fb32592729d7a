import ArgumentParser
import Helder
import LexiconFormat

/// The usual `helder check` command lines (paths and a few options), read without ArgumentParser.
///
/// ArgumentParser finds a command's options by reflection, several times per run: about a quarter of
/// the instructions of checking one letter, a few milliseconds of an editor's save hook. Anything this
/// reader does not know exactly (help, other options, `--`, a repeated option, a bad value) returns nil,
/// and ArgumentParser reads the line as before, with its own messages. A test compares both readers.
enum QuickCheckArguments {
    static func parse(_ arguments: [String]) -> Check? {
        guard arguments.first == "check" else { return nil }
        var paths: [String] = []
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "-" || !argument.hasPrefix("-") {
                // A subcommand's name or an empty argument: leave the decision to ArgumentParser.
                guard !argument.isEmpty, !subcommandNames.contains(argument) else { return nil }
                paths.append(argument)
                continue
            }
            guard argument.hasPrefix("--") else { return nil }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if flagNames.contains(name) {
                guard value == nil, flags.insert(name).inserted else { return nil }
                continue
            }
            guard optionNames.contains(name), values[name] == nil else { return nil }
            if value == nil {
                guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                value = arguments[index]
                index += 1
            }
            values[name] = value
        }
        return check(paths: paths, values: values, flags: flags)
    }

    private static let subcommandNames: Set<String> = ["check", "audit", "tokenize", "rules", "explain", "init", "help"]
    private static let flagNames: Set<String> = ["quiet", "redact", "no-color"]
    private static let optionNames: Set<String> = ["format", "profile", "min-severity", "fail-on", "jobs"]

    /// A `Check` as ArgumentParser would fill it: every property set (reading an unset one traps).
    private static func check(paths: [String], values: [String: String], flags: Set<String>) -> Check? {
        var common = CommonOptions()
        common.profile = nil
        common.config = nil
        common.includes = []
        common.excludes = []
        common.jobs = nil
        common.maxFileSize = 512
        common.stdinFilename = nil
        common.zipMaxEntries = 10_000
        common.zipMaxSize = 256
        common.zipMaxRatio = 200
        var check = Check()
        check.paths = paths
        check.common = common
        check.format = .text
        check.minSeverity = nil
        check.failOn = nil
        check.baseline = nil
        check.writeBaseline = nil
        check.placeholders = .ignore
        check.redact = flags.contains("redact")
        check.quiet = flags.contains("quiet")
        check.noColor = flags.contains("no-color")
        for (name, value) in values {
            switch name {
            case "format":
                guard let format = ReportFormat(argument: value) else { return nil }
                check.format = format
            case "profile":
                guard let profile = Profile(argument: value) else { return nil }
                check.common.profile = profile
            case "min-severity":
                guard let severity = Severity(argument: value) else { return nil }
                check.minSeverity = severity
            case "fail-on":
                guard let level = FailLevel(argument: value) else { return nil }
                check.failOn = level
            case "jobs":
                guard let jobs = Int(argument: value) else { return nil }
                check.common.jobs = jobs
            default:
                return nil
            }
        }
        // The same checks ArgumentParser runs after parsing; a line they reject is left to it.
        guard (try? check.common.validate()) != nil else { return nil }
        return check
    }
}

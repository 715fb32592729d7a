import Foundation
import LexiconFormat

/// Settings that change what the rules report, from flags and `.helder.yml`.
public struct RuleSettings: Sendable {
    public var profile: Profile = .brief
    /// Rule ids, categories or entry ids switched off.
    public var disabled: Set<String> = []
    /// Rule ids, categories or entry ids switched on again (wins over `disabled` for the same name).
    public var enabled: Set<String> = []
    /// Severity per rule id, category or entry id.
    public var severities: [String: Severity] = [:]
    /// Words and names never flagged (folded when the rule set is built).
    public var accepted: Set<String> = []
    /// Report leftover template placeholders (for a filled-in letter about to be sent).
    public var reportPlaceholders = false

    public init() {}
}

/// Everything needed to check documents: the analyzer, the compiled lexicon, the rule descriptions and
/// the settings. Built once per run and shared (by reference, immutable) by all documents and threads.
public final class RuleSet: Sendable {
    public let lexicons: LexiconSet
    public let analyzer: Analyzer
    public let lexicon: CompiledLexicon
    public let descriptions: [String: RuleDescription]
    public let settings: RuleSettings
    let acceptedKeys: Set<String>
    let abbreviationForms: Set<String>
    /// Per lexicon entry: switched on for these settings (computed once, read per match).
    let enabledEntries: [Bool]
    /// Per rule: its message split around `{match}`.
    let messageParts: [String: [String]]
    /// The directive grammar's words with their roles.
    let directiveRoles: KeyMap<DirectiveGrammarRule.Roles>

    public init(lexicons: LexiconSet, settings: RuleSettings = RuleSettings()) {
        self.lexicons = lexicons
        self.analyzer = Analyzer(lexicons: lexicons)
        self.lexicon = CompiledLexicon(entries: lexicons.entries, tokenizer: analyzer.tokenizer)
        self.descriptions = Dictionary(lexicons.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.settings = settings
        self.acceptedKeys = Set(settings.accepted.map { TextFolding.fold($0) })
        self.abbreviationForms = Set(lexicons.entries.filter { $0.category == .abbreviation }.flatMap(\.forms))
        self.enabledEntries = Self.enabled(lexicons.entries, settings)
        self.messageParts = Self.messageParts(descriptions)
        self.directiveRoles = DirectiveGrammarRule.roleTable(lexicons.grammar)
    }

    static func messageParts(_ descriptions: [String: RuleDescription]) -> [String: [String]] {
        descriptions.mapValues { description in
            // A plain search: `split(separator:)` with a string separator goes through the regex engine.
            var parts: [String] = []
            var rest = Substring(description.message)
            while let range = rest.range(of: "{match}") {
                parts.append(String(rest[..<range.lowerBound]))
                rest = rest[range.upperBound...]
            }
            parts.append(String(rest))
            return parts
        }
    }

    static func enabled(_ entries: [LexiconEntry], _ settings: RuleSettings) -> [Bool] {
        // Nearly always nothing is switched on or off by name: then the profile alone decides.
        guard !settings.enabled.isEmpty || !settings.disabled.isEmpty else {
            return entries.map { $0.profiles.contains(settings.profile) }
        }
        return entries.map { entry in
            switchedOn(names: [entry.id, entry.rule, entry.category.rawValue], settings) ?? entry.profiles.contains(settings.profile)
        }
    }

    /// The most specific name (entry, then rule, then category) that is enabled or disabled decides.
    static func switchedOn(names: [String], _ settings: RuleSettings) -> Bool? {
        for name in names {
            if settings.enabled.contains(name) { return true }
            if settings.disabled.contains(name) { return false }
        }
        return nil
    }

    /// The same lexicons and indexes with other settings (sharing the compiled lexicon).
    public func with(settings: RuleSettings) -> RuleSet {
        RuleSet(copying: self, settings: settings)
    }

    private init(copying other: RuleSet, settings: RuleSettings) {
        self.lexicons = other.lexicons
        self.analyzer = other.analyzer
        self.lexicon = other.lexicon
        self.descriptions = other.descriptions
        self.settings = settings
        self.acceptedKeys = Set(settings.accepted.map { TextFolding.fold($0) })
        self.abbreviationForms = other.abbreviationForms
        self.enabledEntries = Self.enabled(other.lexicons.entries, settings)
        self.messageParts = other.messageParts
        self.directiveRoles = other.directiveRoles
    }

    /// Helder's built-in lexicons, compiled into the binary at build time. Checking needs no entry
    /// examples (`entryExamples: false` saves start-up time); `explain` and the tests do.
    public static func builtInLexicons(entryExamples: Bool = true) -> LexiconSet {
        CompactLexiconCoding.decode(EmbeddedLexicons.compact, entryExamples: entryExamples)
    }

    /// Is a finding of this rule and category (not of a lexicon entry: see `enabledEntries`) switched on
    /// for the current profile? `profiles` nil: the rule is in every profile.
    func isEnabled(rule: String, category: String, profiles: Set<Profile>?) -> Bool {
        // Nearly always no setting names a rule or category: then the profile alone decides, without
        // building a list of names per finding.
        if !settings.enabled.isEmpty || !settings.disabled.isEmpty,
           let switched = Self.switchedOn(names: [rule, category], settings) {
            return switched
        }
        return profiles?.contains(settings.profile) ?? true
    }

    func severity(rule: String, category: String, entry: String?, default value: Severity) -> Severity {
        guard !settings.severities.isEmpty else { return value }
        for name in [entry, rule, category].compactMap({ $0 }) {
            if let severity = settings.severities[name] { return severity }
        }
        return value
    }

    func makeFinding(rule: String, entry: FindingEntry? = nil, category: String, range: Range<Int>,
                     document: AnalyzedDocument, suggestion: String? = nil) -> Finding? {
        // A lexicon finding takes severity, explanation and suggestion from its entry: the rule's
        // description (a lookup and a copy of a dozen strings) is needed only without them. Lexicon
        // matches come from enabled entries only: `enabledEntries` has applied the settings to the
        // entry's, rule's and category's names already.
        let description = entry == nil || suggestion == nil ? descriptions[rule] : nil
        if entry == nil {
            guard isEnabled(rule: rule, category: category, profiles: description?.profiles) else { return nil }
        }
        let matched = document.source.string(range)
        let message = Self.message(messageParts[rule] ?? ["'", "'"], matched)
        let severity = severity(rule: rule, category: category, entry: entry?.id,
                                default: entry?.severity ?? description?.severity ?? .warning)
        return Finding(rule: rule, entry: entry?.id, category: category, severity: severity, range: range,
                       message: message, suggestion: suggestion ?? description?.suggestion ?? "",
                       explanation: entry?.explanation ?? description?.rationale ?? "")
    }

    /// What a finding takes from its lexicon entry: a few fields, not the whole entry (copying it per
    /// finding, and comparing it with nil through `Equatable`, cost more than the rest of the finding).
    typealias FindingEntry = (id: String, severity: Severity, explanation: String)

    /// A rule's message with the matched text put in: the parts' bytes copied into one new string
    /// (`joined`, or appending to a copy of the first part, costs several times as much per finding).
    static func message(_ parts: [String], _ matched: String) -> String {
        guard parts.count == 2 else { return parts.joined(separator: matched) }
        var before = parts[0], match = matched, after = parts[1]
        return before.withUTF8 { first in match.withUTF8 { second in after.withUTF8 { third in
            String(unsafeUninitializedCapacity: first.count + second.count + third.count) { buffer in
                var written = 0
                for part in [first, second, third] {
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(fromContentsOf: part)
                    written += part.count
                }
                return written
            }
        } } }
    }
}

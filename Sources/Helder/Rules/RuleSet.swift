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
    /// Per rule: its message split around `{match}`, as UTF-8.
    let messageParts: [String: [[UInt8]]]
    /// The same per lexicon entry (by index): a lexicon finding looks nothing up by name.
    let entryMessageParts: [[[UInt8]]]
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
        self.entryMessageParts = Self.entryMessageParts(lexicons.entries, messageParts)
        self.directiveRoles = DirectiveGrammarRule.roleTable(lexicons.grammar)
    }

    /// Entries come grouped by rule (one lexicon file per category): a lookup by name only where the
    /// rule changes, not for each of 800+ entries at every start.
    static func entryMessageParts(_ entries: [LexiconEntry], _ messageParts: [String: [[UInt8]]]) -> [[[UInt8]]] {
        var result: [[[UInt8]]] = []
        result.reserveCapacity(entries.count)
        var rule: String?
        var parts = bareMessage
        for entry in entries {
            if entry.rule != rule {
                rule = entry.rule
                parts = messageParts[entry.rule] ?? bareMessage
            }
            result.append(parts)
        }
        return result
    }

    /// The message of a rule without a description: the match in quotes.
    static let bareMessage = [Array("'".utf8), Array("'".utf8)]

    static func messageParts(_ descriptions: [String: RuleDescription]) -> [String: [[UInt8]]] {
        descriptions.mapValues { description in
            // A plain search: `split(separator:)` with a string separator goes through the regex engine.
            var parts: [String] = []
            var rest = Substring(description.message)
            while let range = rest.range(of: "{match}") {
                parts.append(String(rest[..<range.lowerBound]))
                rest = rest[range.upperBound...]
            }
            parts.append(String(rest))
            return parts.map { Array($0.utf8) }
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
        self.entryMessageParts = other.entryMessageParts
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

    /// What all findings of a rule outside the lexicon share: looked up by the rule's id once per
    /// document, not once per finding (each lookup hashes the id).
    struct RuleTemplate {
        let rule: String
        let category: String
        let description: RuleDescription?
        let messageParts: [[UInt8]]
        /// Switched on for these settings.
        let isEnabled: Bool
    }

    func template(rule: String, category: String) -> RuleTemplate {
        let description = descriptions[rule]
        return RuleTemplate(rule: rule, category: category, description: description,
                            messageParts: messageParts[rule] ?? Self.bareMessage,
                            isEnabled: isEnabled(rule: rule, category: category, profiles: description?.profiles))
    }

    /// A finding of a rule outside the lexicon; nil when the rule is switched off.
    func makeFinding(_ template: RuleTemplate, range: Range<Int>, document: AnalyzedDocument) -> Finding? {
        guard template.isEnabled else { return nil }
        let severity = severity(rule: template.rule, category: template.category, entry: nil,
                                default: template.description?.severity ?? .warning)
        return Finding(rule: template.rule, entry: nil, category: template.category, severity: severity, range: range,
                       message: Self.message(template.messageParts, document.source.text[range]),
                       suggestion: template.description?.suggestion ?? "", explanation: template.description?.rationale ?? "")
    }

    /// A finding of a lexicon entry, which brings its own severity, explanation and suggestion. Lexicon
    /// matches come from enabled entries only: `enabledEntries` has applied the settings to the entry's,
    /// rule's and category's names already.
    func makeFinding(rule: String, entry: FindingEntry, category: String, messageParts: [[UInt8]], range: Range<Int>,
                     document: AnalyzedDocument, suggestion: String) -> Finding {
        let severity = severity(rule: rule, category: category, entry: entry.id, default: entry.severity)
        return Finding(rule: rule, entry: entry.id, category: category, severity: severity, range: range,
                       message: Self.message(messageParts, document.source.text[range]), suggestion: suggestion,
                       explanation: entry.explanation)
    }

    /// What a finding takes from its lexicon entry: a few fields, not the whole entry (copying it per
    /// finding, and comparing it with nil through `Equatable`, cost more than the rest of the finding).
    typealias FindingEntry = (id: String, severity: Severity, explanation: String)

    /// A rule's message with the matched text put in each `{match}`: the bytes copied into one new
    /// string, with no String made of the match first (`joined`, or appending to a copy of the first
    /// part, costs several times as much per finding).
    static func message(_ parts: [[UInt8]], _ matched: ArraySlice<UInt8>) -> String {
        let count = parts.reduce(0) { $0 + $1.count } + matched.count * max(0, parts.count - 1)
        return String(unsafeUninitializedCapacity: count) { buffer in
            var written = 0
            func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
                (target + written).initialize(from: source, count: bytes.count)
                written += bytes.count
            }
            for (index, part) in parts.enumerated() {
                if index > 0 { matched.withUnsafeBufferPointer(copy) }
                part.withUnsafeBufferPointer(copy)
            }
            return written
        }
    }
}

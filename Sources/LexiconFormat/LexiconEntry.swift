/// The four kinds of problems Helder looks for. The raw values are a JSON contract.
public enum Category: String, Sendable, CaseIterable, Codable, Comparable {
    case jargon, abbreviation, directive, blame

    public static func < (lhs: Category, rhs: Category) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Who the text is for: a letter to a parent or youth, or a report about a family.
public enum Profile: String, Sendable, CaseIterable, Codable {
    case brief, dossier
}

/// One lexicon entry, resolved against its file's defaults.
public struct LexiconEntry: Sendable, Hashable {
    public var id: String
    public var rule: String
    public var category: Category
    public var severity: Severity
    public var profiles: Set<Profile>
    public var forms: [String]
    public var alternatives: [String]
    public var explanation: String
    public var examples: [String]
    public var counterexamples: [String]
    /// No inflections and no compounds.
    public var exact: Bool
    /// May match as the last part of a compound word.
    public var compound: Bool
    public var expansion: String?
    /// Where the entry was written, for error messages and test failures ("jargon/juridisch.yml:12").
    public var source: String

    public init(id: String, rule: String, category: Category, severity: Severity, profiles: Set<Profile>,
                forms: [String], alternatives: [String], explanation: String, examples: [String],
                counterexamples: [String], exact: Bool = false, compound: Bool = true,
                expansion: String? = nil, source: String = "") {
        self.id = id
        self.rule = rule
        self.category = category
        self.severity = severity
        self.profiles = profiles
        self.forms = forms
        self.alternatives = alternatives
        self.explanation = explanation
        self.examples = examples
        self.counterexamples = counterexamples
        self.exact = exact
        self.compound = compound
        self.expansion = expansion
        self.source = source
    }
}

/// The description of one rule id (`jargon.term`, `directive.obligation`, …), from `Lexicons/rules.yml`.
public struct RuleDescription: Sendable, Hashable {
    public var id: String
    public var category: Category?
    public var name: String
    public var severity: Severity
    public var profiles: Set<Profile>
    public var summary: String
    public var rationale: String
    public var message: String
    public var suggestion: String
    public var examples: [String]
    public var counterexamples: [String]

    public init(id: String, category: Category?, name: String, severity: Severity, profiles: Set<Profile>,
                summary: String, rationale: String, message: String, suggestion: String,
                examples: [String], counterexamples: [String]) {
        self.id = id
        self.category = category
        self.name = name
        self.severity = severity
        self.profiles = profiles
        self.summary = summary
        self.rationale = rationale
        self.message = message
        self.suggestion = suggestion
        self.examples = examples
        self.counterexamples = counterexamples
    }
}

/// Word lists that drive the directive grammar ("u moet", "dat u … moet", "dient u … te").
public struct DirectiveGrammar: Sendable, Hashable {
    public var singularReaders: Set<String> = []
    public var pluralReaders: Set<String> = []
    public var singularModals: Set<String> = []
    public var pluralModals: Set<String> = []
    /// Modals that only order when an infinitive with "te" follows ("u dient … in te vullen").
    public var singularModalsWithTe: Set<String> = []
    public var pluralModalsWithTe: Set<String> = []
    public var clauseOpeners: Set<String> = []
    public var clauseBreaks: Set<String> = []
    /// Nouns after "je" that make it a possessive ("moet je kind"), not the reader.
    public var possessedNouns: Set<String> = []
    /// Verbs right after the modal that turn an order into a right: "dat u moet kunnen meepraten".
    public var rightVerbs: Set<String> = []

    public init() {}
}

/// Everything compiled from `Lexicons/`.
public struct LexiconSet: Sendable {
    public var entries: [LexiconEntry] = []
    public var rules: [RuleDescription] = []
    public var knownAcronyms: Set<String> = []
    public var nonFinalAbbreviations: Set<String> = []
    public var grammar = DirectiveGrammar()

    public init() {}

    public mutating func merge(_ other: LexiconSet) {
        entries += other.entries
        rules += other.rules
        knownAcronyms.formUnion(other.knownAcronyms)
        nonFinalAbbreviations.formUnion(other.nonFinalAbbreviations)
        grammar.singularReaders.formUnion(other.grammar.singularReaders)
        grammar.pluralReaders.formUnion(other.grammar.pluralReaders)
        grammar.singularModals.formUnion(other.grammar.singularModals)
        grammar.pluralModals.formUnion(other.grammar.pluralModals)
        grammar.singularModalsWithTe.formUnion(other.grammar.singularModalsWithTe)
        grammar.pluralModalsWithTe.formUnion(other.grammar.pluralModalsWithTe)
        grammar.clauseOpeners.formUnion(other.grammar.clauseOpeners)
        grammar.clauseBreaks.formUnion(other.grammar.clauseBreaks)
        grammar.possessedNouns.formUnion(other.grammar.possessedNouns)
        grammar.rightVerbs.formUnion(other.grammar.rightVerbs)
    }
}

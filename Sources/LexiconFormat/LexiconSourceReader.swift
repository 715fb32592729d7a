import Yams

/// A problem in a lexicon source file, with the place it was found.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// Reads lexicon YAML (see `Lexicons/README.md`) strictly: unknown keys, wrong types and missing fields are
/// errors with file and line, so a typo never silently disables an entry.
public struct LexiconSourceReader {
    public init() {}

    private static let fileKeys: Set<String> = ["rule", "category", "severity", "profiles", "entries"]
    private static let entryKeys: Set<String> = [
        "id", "forms", "alternatives", "explanation", "examples", "counterexamples", "severity", "profiles",
        "exact", "compound", "expansion", "note",
    ]
    private static let ruleKeys: Set<String> = [
        "id", "category", "name", "severity", "profiles", "summary", "rationale", "message", "suggestion",
        "examples", "counterexamples",
    ]

    /// Reads one file. `name` is the path shown in errors and stored as each entry's source.
    public func read(yaml: String, name: String) throws(LexiconError) -> LexiconSet {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw LexiconError(file: name, line: 1, message: "leeg bestand")
            }
            root = node
        } catch let error as LexiconError {
            throw error
        } catch {
            throw LexiconError(file: name, line: 1, message: "geen geldige YAML: \(error)")
        }
        let context = Context(file: name)
        guard let mapping = root.mapping else { throw context.error(root, "verwacht een lijst met sleutels") }
        var set = LexiconSet()
        if mapping["known"] != nil {
            set.knownAcronyms = Set(try context.strings(mapping["known"]!, "known"))
        } else if mapping["abbreviations"] != nil {
            set.nonFinalAbbreviations = Set(try context.strings(mapping["abbreviations"]!, "abbreviations"))
        } else if mapping["rules"] != nil {
            set.rules = try readRules(mapping["rules"]!, context)
        } else if mapping["grammar"] != nil {
            set.grammar = try readGrammar(mapping["grammar"]!, context)
        } else {
            set.entries = try readEntries(mapping, context)
        }
        return set
    }

    private func readEntries(_ mapping: Node.Mapping, _ context: Context) throws(LexiconError) -> [LexiconEntry] {
        try context.checkKeys(mapping, allowed: Self.fileKeys)
        let rule = try context.string(context.required(mapping, "rule"), "rule")
        let category = try context.enumValue(context.required(mapping, "category"), Category.self)
        let severity = try mapping["severity"].map { (node) throws(LexiconError) in try context.enumValue(node, Severity.self) } ?? .warning
        let profiles = try mapping["profiles"].map { (node) throws(LexiconError) in try context.profiles(node) } ?? Set(Profile.allCases)
        guard rule.hasPrefix(category.rawValue + ".") else {
            throw context.error(mapping["rule"]!, "de regel '\(rule)' hoort bij categorie '\(category.rawValue)' te beginnen met '\(category.rawValue).'")
        }
        guard let list = try context.required(mapping, "entries").sequence else {
            throw context.error(mapping["entries"]!, "'entries' moet een lijst zijn")
        }
        var entries: [LexiconEntry] = []
        for node in list {
            guard let entry = node.mapping else { throw context.error(node, "een entry moet sleutels hebben") }
            try context.checkKeys(entry, allowed: Self.entryKeys)
            let id = try context.string(context.required(entry, "id"), "id")
            guard id.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }), !id.isEmpty else {
                throw context.error(entry["id"]!, "id '\(id)' mag alleen a-z, 0-9 en '-' bevatten")
            }
            let examples = try context.nonEmptyStrings(entry, "examples")
            for example in examples where !example.contains("⟦") {
                throw context.error(entry["examples"]!, "\(id): voorbeeld zonder ⟦ ⟧: \(example)")
            }
            let counterexamples = try context.nonEmptyStrings(entry, "counterexamples")
            for example in counterexamples where example.contains("⟦") {
                throw context.error(entry["counterexamples"]!, "\(id): tegenvoorbeeld met ⟦ ⟧: \(example)")
            }
            let expansion = try entry["expansion"].map { (node) throws(LexiconError) in try context.string(node, "expansion") }
            if category == .abbreviation && expansion == nil {
                throw context.error(node, "\(id): een afkorting heeft een 'expansion' nodig")
            }
            entries.append(LexiconEntry(
                id: id, rule: rule, category: category,
                severity: try entry["severity"].map { (node) throws(LexiconError) in try context.enumValue(node, Severity.self) } ?? severity,
                profiles: try entry["profiles"].map { (node) throws(LexiconError) in try context.profiles(node) } ?? profiles,
                forms: try context.nonEmptyStrings(entry, "forms"),
                alternatives: try context.nonEmptyStrings(entry, "alternatives"),
                explanation: try context.string(context.required(entry, "explanation"), "explanation"),
                examples: examples, counterexamples: counterexamples,
                exact: try entry["exact"].map { (node) throws(LexiconError) in try context.bool(node, "exact") } ?? false,
                compound: try entry["compound"].map { (node) throws(LexiconError) in try context.bool(node, "compound") } ?? true,
                expansion: expansion,
                source: "\(context.file):\(node.mark?.line ?? 0)"
            ))
        }
        return entries
    }

    private func readRules(_ node: Node, _ context: Context) throws(LexiconError) -> [RuleDescription] {
        guard let list = node.sequence else { throw context.error(node, "'rules' moet een lijst zijn") }
        var rules: [RuleDescription] = []
        for item in list {
            guard let rule = item.mapping else { throw context.error(item, "een regel moet sleutels hebben") }
            try context.checkKeys(rule, allowed: Self.ruleKeys)
            rules.append(RuleDescription(
                id: try context.string(context.required(rule, "id"), "id"),
                category: try rule["category"].map { (node) throws(LexiconError) in try context.enumValue(node, Category.self) },
                name: try context.string(context.required(rule, "name"), "name"),
                severity: try rule["severity"].map { (node) throws(LexiconError) in try context.enumValue(node, Severity.self) } ?? .warning,
                profiles: try rule["profiles"].map { (node) throws(LexiconError) in try context.profiles(node) } ?? Set(Profile.allCases),
                summary: try context.string(context.required(rule, "summary"), "summary"),
                rationale: try context.string(context.required(rule, "rationale"), "rationale"),
                message: try context.string(context.required(rule, "message"), "message"),
                suggestion: try context.string(context.required(rule, "suggestion"), "suggestion"),
                examples: try context.nonEmptyStrings(rule, "examples"),
                counterexamples: try context.nonEmptyStrings(rule, "counterexamples")
            ))
        }
        return rules
    }

    private func readGrammar(_ node: Node, _ context: Context) throws(LexiconError) -> DirectiveGrammar {
        guard let mapping = node.mapping else { throw context.error(node, "'grammar' moet sleutels hebben") }
        let keys: Set<String> = [
            "singular_readers", "plural_readers", "singular_modals", "plural_modals", "singular_modals_with_te",
            "plural_modals_with_te", "clause_openers", "clause_breaks", "possessed_nouns", "right_verbs",
        ]
        try context.checkKeys(mapping, allowed: keys)
        func list(_ key: String) throws(LexiconError) -> Set<String> {
            Set(try context.strings(context.required(mapping, key), key).map { $0.lowercased() })
        }
        var grammar = DirectiveGrammar()
        grammar.singularReaders = try list("singular_readers")
        grammar.pluralReaders = try list("plural_readers")
        grammar.singularModals = try list("singular_modals")
        grammar.pluralModals = try list("plural_modals")
        grammar.singularModalsWithTe = try list("singular_modals_with_te")
        grammar.pluralModalsWithTe = try list("plural_modals_with_te")
        grammar.clauseOpeners = try list("clause_openers")
        grammar.clauseBreaks = try list("clause_breaks")
        grammar.possessedNouns = try list("possessed_nouns")
        if mapping["right_verbs"] != nil { grammar.rightVerbs = try list("right_verbs") }
        return grammar
    }
}

/// Typed access to YAML nodes with errors that name file and line.
private struct Context {
    var file: String

    func error(_ node: Node, _ message: String) -> LexiconError {
        LexiconError(file: file, line: node.mark?.line ?? 0, message: message)
    }

    func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>) throws(LexiconError) {
        for (key, _) in mapping {
            guard let name = key.string, allowed.contains(name) else {
                let name = key.string ?? "?"
                let hint = allowed.min { editDistance($0, name) < editDistance($1, name) }
                let suffix = hint.map { editDistance($0, name) <= 3 ? "; bedoelde je '\($0)'?" : "" } ?? ""
                throw error(key, "onbekende sleutel '\(name)'\(suffix)")
            }
        }
    }

    func required(_ mapping: Node.Mapping, _ key: String) throws(LexiconError) -> Node {
        guard let node = mapping[key] else {
            throw LexiconError(file: file, line: mapping.mark?.line ?? 0, message: "'\(key)' ontbreekt")
        }
        return node
    }

    func string(_ node: Node, _ key: String) throws(LexiconError) -> String {
        guard node.scalar != nil, let value = node.string else { throw error(node, "'\(key)' moet tekst zijn") }
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw error(node, "'\(key)' is leeg") }
        return trimmed
    }

    func bool(_ node: Node, _ key: String) throws(LexiconError) -> Bool {
        guard let value = node.bool else { throw error(node, "'\(key)' moet true of false zijn") }
        return value
    }

    func strings(_ node: Node, _ key: String) throws(LexiconError) -> [String] {
        guard let list = node.sequence else { throw error(node, "'\(key)' moet een lijst zijn") }
        var result: [String] = []
        for item in list { result.append(try string(item, key)) }
        return result
    }

    func nonEmptyStrings(_ mapping: Node.Mapping, _ key: String) throws(LexiconError) -> [String] {
        let node = try required(mapping, key)
        let values = try strings(node, key)
        guard !values.isEmpty else { throw error(node, "'\(key)' heeft minstens één waarde nodig") }
        return values
    }

    func enumValue<T: RawRepresentable & CaseIterable>(_ node: Node, _ type: T.Type) throws(LexiconError) -> T where T.RawValue == String {
        let raw = try string(node, String(describing: T.self).lowercased())
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(node, "'\(raw)' is geen geldige waarde (kies uit: \(allowed))")
        }
        return value
    }

    func profiles(_ node: Node) throws(LexiconError) -> Set<Profile> {
        guard let list = node.sequence else { throw error(node, "'profiles' moet een lijst zijn") }
        var result = Set<Profile>()
        for item in list { result.insert(try enumValue(item, Profile.self)) }
        return result
    }
}

extension String {
    /// The string without leading and trailing whitespace (no Foundation needed).
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// Levenshtein distance, for "did you mean" hints on keys and rule ids.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

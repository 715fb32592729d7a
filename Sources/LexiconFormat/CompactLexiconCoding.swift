#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compact text form of a `LexiconSet`, embedded in the binary at build time and read at start-up in a
/// few milliseconds (parsing YAML on every run would cost ~90 ms). Fields are separated by ASCII control
/// characters that never occur in lexicon text.
public enum CompactLexiconCoding {
    static let section: Character = "\u{1C}"
    static let list: Character = "\u{1D}"
    static let record: Character = "\u{1E}"
    static let field: Character = "\u{1F}"

    public static func encode(_ set: LexiconSet) -> String {
        func join(_ values: [String]) -> String { values.joined(separator: String(list)) }
        func profiles(_ values: Set<Profile>) -> String { join(values.map(\.rawValue).sorted()) }
        let entries = set.entries.map { entry in
            [
                entry.id, entry.rule, entry.category.rawValue, entry.severity.rawValue, profiles(entry.profiles),
                join(entry.forms), join(entry.alternatives), entry.explanation, join(entry.examples),
                join(entry.counterexamples), entry.exact ? "1" : "0", entry.compound ? "1" : "0",
                entry.expansion ?? "", entry.source,
            ].joined(separator: String(field))
        }
        let rules = set.rules.map { rule in
            [
                rule.id, rule.category?.rawValue ?? "", rule.name, rule.severity.rawValue, profiles(rule.profiles),
                rule.summary, rule.rationale, rule.message, rule.suggestion, join(rule.examples),
                join(rule.counterexamples),
            ].joined(separator: String(field))
        }
        let grammar = set.grammar
        let grammarLists = [
            grammar.singularReaders, grammar.pluralReaders, grammar.singularModals, grammar.pluralModals,
            grammar.singularModalsWithTe, grammar.pluralModalsWithTe, grammar.clauseOpeners,
            grammar.clauseBreaks, grammar.possessedNouns, grammar.rightVerbs,
        ].map { join($0.sorted()) }
        return [
            entries.joined(separator: String(record)),
            rules.joined(separator: String(record)),
            join(set.knownAcronyms.sorted()),
            join(set.nonFinalAbbreviations.sorted()),
            grammarLists.joined(separator: String(field)),
        ].joined(separator: String(section))
    }

    /// `entryExamples: false` leaves the entries' examples and counterexamples empty: checking never
    /// reads them, and they are a third of the strings to make at start-up.
    public static func decode(_ text: String, entryExamples: Bool = true) -> LexiconSet {
        var text = text
        return text.withUTF8 { decode(bytes: $0, entryExamples: entryExamples) }
    }

    /// Start-up cost matters (one letter is checked in a few milliseconds), so this works on raw bytes:
    /// each field is a byte range, turned into a String only once.
    static func decode(bytes: UnsafeBufferPointer<UInt8>, entryExamples: Bool = true) -> LexiconSet {
        typealias Span = Range<Int>
        func byte(_ separator: Character) -> Int32 { Int32(separator.asciiValue!) }
        let (sectionByte, recordByte, fieldByte, listByte) = (byte(section), byte(record), byte(field), byte(list))
        func split(_ span: Span, _ byte: Int32) -> [Span] {
            guard !span.isEmpty, let base = bytes.baseAddress else { return [] }
            var parts: [Span] = []
            parts.reserveCapacity(16)
            var start = span.lowerBound
            // memchr scans many bytes at a time; a byte loop here was a third of the decoding time.
            while let found = memchr(base + start, byte, span.upperBound - start) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                parts.append(start..<index)
                start = index + 1
            }
            parts.append(start..<span.upperBound)
            return parts
        }
        func string(_ span: Span) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self) }
        func strings(_ span: Span) -> [String] { split(span, listByte).map(string) }
        // Entries share a handful of profile lists: build each set once.
        var profileSets: [(Span, Set<Profile>)] = []
        func profiles(_ span: Span) -> Set<Profile> {
            for (known, set) in profileSets where known.count == span.count
                && memcmp(bytes.baseAddress! + known.lowerBound, bytes.baseAddress! + span.lowerBound, span.count) == 0 {
                return set
            }
            let set = Set(split(span, listByte).compactMap { Profile(rawValue: string($0)) })
            profileSets.append((span, set))
            return set
        }
        var set = LexiconSet()
        let sections = split(0..<bytes.count, sectionByte)
        guard sections.count == 5 else { return set }
        for recordSpan in split(sections[0], recordByte) {
            let f = split(recordSpan, fieldByte)
            guard f.count == 14, let category = Category(rawValue: string(f[2])),
                  let severity = Severity(rawValue: string(f[3])) else { continue }
            set.entries.append(LexiconEntry(
                id: string(f[0]), rule: string(f[1]), category: category, severity: severity,
                profiles: profiles(f[4]), forms: strings(f[5]), alternatives: strings(f[6]),
                explanation: string(f[7]), examples: entryExamples ? strings(f[8]) : [],
                counterexamples: entryExamples ? strings(f[9]) : [],
                exact: string(f[10]) == "1", compound: string(f[11]) == "1", expansion: f[12].isEmpty ? nil : string(f[12]),
                source: string(f[13])))
        }
        for recordSpan in split(sections[1], recordByte) {
            let f = split(recordSpan, fieldByte)
            guard f.count == 11, let severity = Severity(rawValue: string(f[3])) else { continue }
            set.rules.append(RuleDescription(
                id: string(f[0]), category: Category(rawValue: string(f[1])), name: string(f[2]),
                severity: severity, profiles: profiles(f[4]), summary: string(f[5]), rationale: string(f[6]),
                message: string(f[7]), suggestion: string(f[8]), examples: strings(f[9]),
                counterexamples: strings(f[10])))
        }
        set.knownAcronyms = Set(strings(sections[2]))
        set.nonFinalAbbreviations = Set(strings(sections[3]))
        let g = split(sections[4], fieldByte).map { Set(strings($0)) }
        if g.count == 10 {
            set.grammar.singularReaders = g[0]
            set.grammar.pluralReaders = g[1]
            set.grammar.singularModals = g[2]
            set.grammar.pluralModals = g[3]
            set.grammar.singularModalsWithTe = g[4]
            set.grammar.pluralModalsWithTe = g[5]
            set.grammar.clauseOpeners = g[6]
            set.grammar.clauseBreaks = g[7]
            set.grammar.possessedNouns = g[8]
            set.grammar.rightVerbs = g[9]
        }
        return set
    }
}

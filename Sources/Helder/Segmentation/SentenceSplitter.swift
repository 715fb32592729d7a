/// Groups tokens into sentences with Dutch knowledge: no end after known abbreviations, initials or
/// ordinals; a blank line, a list item or a short heading line ends a sentence; closing quotes and
/// brackets stay with their sentence.
public struct SentenceSplitter: Sendable {
    /// Abbreviations that often close a sentence (`… enzovoort.`), so a capital after them starts a new one.
    static let sentenceFinalAbbreviations: Set<String> = ["enz.", "etc.", "e.d.", "e.a.", "e.o.", "o.i.d.", "e.v.", "jl.", "ca.", "z.s.m."]

    /// Dotted abbreviations reach the splitter as whole tokens (the tokenizer knows them), so it needs no
    /// list of its own.
    public init() {}

    /// Sentences as ranges of token indexes, covering all tokens in order.
    public func split(_ tokens: [Token], in text: [UInt8]) -> [Range<Int>] {
        guard !tokens.isEmpty else { return [] }
        var sentences: [Range<Int>] = []
        // Room for a sentence every six tokens (prose has longer ones), so the list rarely grows.
        sentences.reserveCapacity(tokens.count / 6 + 16)
        var start = 0
        for index in 1..<tokens.count {
            // Inside a line, a sentence starts only after an end mark (`.`, `!`, `?`, `…`, `..`), a closing
            // mark that may follow one, or a dotted abbreviation: most tokens follow a word or a comma.
            let token = tokens[index], before = tokens[index - 1]
            if token.flags.isDisjoint(with: [.paragraphStart, .lineStart]) {
                if before.kind != .punctuation && before.kind != .abbreviation { continue }
                if before.kind == .punctuation && !isTerminal(before, text) && !startsWithTwoDots(before, text)
                    && !isCloser(before, text) { continue }
            }
            guard startsSentence(index, tokens, text) else { continue }
            sentences.append(start..<index)
            start = index
        }
        sentences.append(start..<tokens.count)
        return sentences
    }

    func startsSentence(_ index: Int, _ tokens: [Token], _ text: [UInt8]) -> Bool {
        let token = tokens[index]
        if token.flags.contains(.paragraphStart) { return true }
        // A quote or bracket glued to the punctuation before it closes that sentence (`kom." Toen`).
        if !token.flags.contains(.spaceBefore), token.kind == .punctuation, isCloser(token, text) { return false }
        if isDetachedCloser(index, tokens, text) { return false }
        if token.flags.contains(.lineStart) {
            if isListMarker(index, tokens, text) { return true }
            if endsHeadingLine(before: index, tokens, text) { return true }
        }
        // Walk back over closing quotes and brackets to the punctuation that may end the sentence.
        var previous = index - 1
        while previous > 0, index - previous < 4, tokens[previous].kind == .punctuation, isCloser(tokens[previous], text),
              !tokens[previous].flags.contains(.spaceBefore) || isUnambiguousCloser(tokens[previous], text)
                || isDetachedCloser(previous, tokens, text) {
            previous -= 1
        }
        let candidate = tokens[previous]
        // Most tokens are words that end nothing: decide on bytes before making any string.
        guard candidate.kind == .punctuation || candidate.kind == .abbreviation else { return false }
        if candidate.kind == .punctuation {
            guard isTerminal(candidate, text) || startsWithTwoDots(candidate, text) else { return false }
            return opensSentence(token, text)
        }
        if text[candidate.end - 1] == UInt8(ascii: "."), token.flags.contains(.spaceBefore) {
            guard token.flags.contains(.capitalized), token.kind == .word else { return false }
            let lowered = string(candidate, text).lowercased()
            // Known non-final ones, initials (`J.`) and unknown dotted abbreviations before a name stay together.
            return Self.sentenceFinalAbbreviations.contains(lowered)
        }
        return false
    }

    /// A capitalized word, a number, an opening quote or bracket, a placeholder: what a sentence starts with.
    func opensSentence(_ token: Token, _ text: [UInt8]) -> Bool {
        switch token.kind {
        case .word:
            if token.flags.contains(.capitalized) { return true }
            // `'s Avonds`, `'t`: a clitic at the start of a sentence (read from the text, since
            // `helder tokenize` splits sentences without making keys).
            return startsWithApostrophe(token, text)
        case .number, .placeholder, .url, .email, .abbreviation:
            return token.kind != .abbreviation || token.flags.contains(.capitalized)
        case .punctuation:
            return token.isOne(of: Self.sentenceOpeners, in: text)
        case .symbol:
            return true
        }
    }


    /// Asked for nearly every token: compared on bytes, without making strings.
    /// `… misleiden. "` at the end of a paragraph or before a bracket: a straight quote after a sentence
    /// end, with a space before it and nothing after it to open, closes that sentence.
    func isDetachedCloser(_ index: Int, _ tokens: [Token], _ text: [UInt8]) -> Bool {
        let token = tokens[index]
        guard index > 0, token.kind == .punctuation, token.flags.contains(.spaceBefore), token.end - token.start == 1,
              text[token.start] == 0x22 || text[token.start] == 0x27 else { return false }
        let before = tokens[index - 1]
        guard before.kind == .punctuation, isTerminal(before, text) else { return false }
        guard index + 1 < tokens.count else { return true }
        let next = tokens[index + 1]
        return next.flags.contains(.paragraphStart) || (next.kind == .punctuation && next.end - next.start == 1 && text[next.start] == UInt8(ascii: "("))
    }

    func startsWithApostrophe(_ token: Token, _ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { buffer in
            var position = token.start
            while position < token.end {
                let (value, length) = buffer.scalar(at: position)
                let kind = Characters.classify(value)
                if kind != .ignorable { return kind == .apostrophe }
                position += length
            }
            return false
        }
    }

    /// `.`, `!`, `?`, `…`, `?!` or `!?`: compared on bytes (asked for most punctuation tokens).
    func isTerminal(_ token: Token, _ text: [UInt8]) -> Bool {
        switch token.end - token.start {
        case 1: return text[token.start] == 0x2E || text[token.start] == 0x21 || text[token.start] == 0x3F
        case 2: return text[token.start] == 0x3F && text[token.start + 1] == 0x21 || text[token.start] == 0x21 && text[token.start + 1] == 0x3F
        case 3: return text[token.start] == 0xE2 && text[token.start + 1] == 0x80 && text[token.start + 2] == 0xA6
        default: return false
        }
    }

    /// `..`, `...`: dots typed for an ellipsis.
    func startsWithTwoDots(_ token: Token, _ text: [UInt8]) -> Bool {
        token.end - token.start >= 2 && text[token.start] == 0x2E && text[token.start + 1] == 0x2E
    }

    /// `"`, `'`, `”`, `’`, `»`, `)`, `]` or `''`: compared on bytes (asked for most punctuation tokens).
    func isCloser(_ token: Token, _ text: [UInt8]) -> Bool {
        guard token.kind == .punctuation else { return false }
        let first = text[token.start]
        switch token.end - token.start {
        case 1: return first == 0x22 || first == 0x27 || first == 0x29 || first == 0x5D
        case 2: return first == 0x27 && text[token.start + 1] == 0x27 || first == 0xC2 && text[token.start + 1] == 0xBB
        case 3: return first == 0xE2 && text[token.start + 1] == 0x80 && (text[token.start + 2] == 0x9D || text[token.start + 2] == 0x99)
        default: return false
        }
    }

    /// Closing marks that never open a sentence, so they close the one before even after a space: `”`,
    /// `»`, `''`, `)` and `]`.
    func isUnambiguousCloser(_ token: Token, _ text: [UInt8]) -> Bool {
        guard isCloser(token, text) else { return false }
        switch token.end - token.start {
        case 1: return text[token.start] == 0x29 || text[token.start] == 0x5D
        case 3: return text[token.start + 2] == 0x9D
        default: return true
        }
    }

    /// `-`, `•`, `*`, `1.`, `2)`, `a)` at the start of a line.
    func isListMarker(_ index: Int, _ tokens: [Token], _ text: [UInt8]) -> Bool {
        let token = tokens[index]
        if token.kind == .punctuation || token.kind == .symbol {
            return token.isOne(of: Self.listMarkers, in: text)
        }
        // Asked for every line start: decided on lengths and bytes, without making strings.
        guard index + 1 < tokens.count, token.kind == .number ? token.end - token.start <= 3
            : token.kind == .word && token.end - token.start == 1 else { return false }
        let next = tokens[index + 1]
        guard next.end - next.start == 1 else { return false }
        return text[next.start] == UInt8(ascii: ")") || (token.kind == .number && text[next.start] == UInt8(ascii: "."))
    }

    /// A short line without final punctuation (a heading, a salutation, an address line) ends there.
    func endsHeadingLine(before index: Int, _ tokens: [Token], _ text: [UInt8]) -> Bool {
        let last = tokens[index - 1]
        if isTerminal(last, text) { return false }
        var lineStart = index - 1
        while lineStart > 0, !tokens[lineStart].flags.contains(.lineStart) { lineStart -= 1 }
        let lineLength = last.end - tokens[lineStart].start
        let opener = tokens[index]
        let startsLikeSentence = opener.flags.contains(.capitalized) || opener.kind != .word
        if last.end - last.start == 1 && text[last.start] == UInt8(ascii: ",") {
            // `Beste mevrouw Jansen,` on a line of its own.
            return index - lineStart <= 6 && lineLength < 50 && startsLikeSentence
        }
        if last.isOne(of: Self.clauseMarks, in: text) { return false }
        return lineLength < 60 && startsLikeSentence && index - lineStart <= 10
    }

    /// Marks that start a list item at the start of a line, and marks after which a line goes on.
    static let listMarkers = ["-", "•", "*", "–", "·", "▪", "◦", "→"].map { Array($0.utf8) }
    static let clauseMarks = [";", ":", "-", "–", "("].map { Array($0.utf8) }
    /// Punctuation a sentence may start with: opening quotes and brackets, dashes and bullets.
    static let sentenceOpeners = ["\"", "'", "“", "‘", "„", ",,", "``", "(", "[", "«", "-", "–", "•"].map { Array($0.utf8) }

    func string(_ token: Token, _ text: [UInt8]) -> String {
        String(decoding: text[token.start..<token.end], as: UTF8.self)
    }
}

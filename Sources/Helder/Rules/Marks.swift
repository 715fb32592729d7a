/// Marks rules look for around a term, as UTF-8, for `Token.isOne(of:in:)`.
enum Marks {
    static let openingBrackets = ["(", "["].map { Array($0.utf8) }
    static let closingBrackets = [")", "]"].map { Array($0.utf8) }
    static let openingParenthesis = [Array("(".utf8)]
    static let closingParenthesis = [Array(")".utf8)]
}

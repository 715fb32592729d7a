import Foundation
@testable import Helder
import LexiconFormat

/// Built once for all tests: compiling the lexicon takes a few milliseconds.
enum Fixture {
    static let lexicons = RuleSet.builtInLexicons()
    static let brief = Checker(rules: RuleSet(lexicons: lexicons))
    static let dossier: Checker = {
        var settings = RuleSettings()
        settings.profile = .dossier
        return Checker(rules: RuleSet(lexicons: lexicons, settings: settings))
    }()

    static func checker(for profile: Profile) -> Checker { profile == .brief ? brief : dossier }

    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// A text with `⟦…⟧` marks (optionally `⟦…|category⟧`): the plain text and the marked byte ranges.
struct MarkedText {
    var text: String
    var marks: [(range: Range<Int>, label: String?)]

    init(_ marked: String) {
        var plain: [UInt8] = []
        var marks: [(Range<Int>, String?)] = []
        var openStack: [Int] = []
        var labelStart: Int?
        let bytes = Array(marked.utf8)
        let open = Array("⟦".utf8), close = Array("⟧".utf8)
        var index = 0
        var pendingLabel: [UInt8] = []
        while index < bytes.count {
            if bytes[index...].starts(with: open) {
                openStack.append(plain.count)
                index += open.count
                continue
            }
            if bytes[index...].starts(with: close), let start = openStack.popLast() {
                let label = labelStart.map { _ in String(decoding: pendingLabel, as: UTF8.self) }
                marks.append((start..<plain.count, label))
                labelStart = nil
                pendingLabel = []
                index += close.count
                continue
            }
            if bytes[index] == UInt8(ascii: "|"), !openStack.isEmpty, labelStart == nil {
                labelStart = index
                index += 1
                continue
            }
            if labelStart != nil {
                pendingLabel.append(bytes[index])
            } else {
                plain.append(bytes[index])
            }
            index += 1
        }
        text = String(decoding: plain, as: UTF8.self)
        self.marks = marks.sorted { $0.0.lowerBound < $1.0.lowerBound }
    }
}

/// The visible text of a word-processing document as paragraphs, joined by newlines. Offsets of
/// findings are UTF-8 byte offsets into this text; a line is a paragraph.
struct ParagraphCollector {
    var paragraphs: [[UInt8]] = []
    var current: [UInt8] = []
    var open = false

    mutating func startParagraph() {
        if open { endParagraph() }
        open = true
    }

    mutating func endParagraph() {
        paragraphs.append(current)
        current = []
        open = false
    }

    mutating func append(_ bytes: [UInt8]) {
        // Line breaks inside a paragraph become spaces, so a line stays a paragraph.
        current.append(contentsOf: bytes.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
    }

    func source(emptyMessage: String) throws(InputError) -> SourceText {
        var text: [UInt8] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { text.append(0x0A) }
            text.append(contentsOf: paragraph)
        }
        guard text.contains(where: { $0 > 0x20 }) else { throw .invalidDocument(emptyMessage) }
        let decoded = TextDecoder().decodeUTF8(text, from: 0)
        return SourceText(decoded: decoded)
    }
}

/// Word documents (.docx, .dotx, .docm): body with tables, then headers, footers, footnotes and endnotes.
/// Runs are rejoined per paragraph, so a word split over runs is one word; deleted tracked changes and
/// field codes are left out.
public struct DOCXReader: DocumentReader {
    public static let extensions = ["docx", "dotx", "docm"]
    public var limits = ZipLimits()
    public init() {}

    public func read(_ bytes: [UInt8]) throws(InputError) -> SourceText {
        var package = try ZipPackage(bytes, limits: limits)
        guard let body = try package.part("word/document.xml") else {
            throw .invalidDocument("geen Word-document: word/document.xml ontbreekt")
        }
        var collector = ParagraphCollector()
        collect(body, into: &collector)
        let paths = package.paths
        for prefix in ["word/header", "word/footer", "word/footnotes", "word/endnotes"] {
            for path in paths.filter({ $0.hasPrefix(prefix) && $0.hasSuffix(".xml") }).sorted() {
                if let part = try package.part(path) { collect(part, into: &collector) }
            }
        }
        return try collector.source(emptyMessage: "het Word-document bevat geen tekst")
    }

    func collect(_ xml: [UInt8], into collector: inout ParagraphCollector) {
        var inText = false
        var skipDepth = 0
        XMLScanner(bytes: xml).scan { event in
            switch event {
            case .start(let name, let selfClosing):
                if name == "w:del" || name == "w:instrText" || name == "w:delText" || name == "mc:Fallback" {
                    if !selfClosing { skipDepth += 1 }
                } else if name == "w:p" {
                    if selfClosing { collector.startParagraph(); collector.endParagraph() } else { collector.startParagraph() }
                } else if name == "w:t" {
                    inText = !selfClosing
                } else if skipDepth == 0, name == "w:tab" {
                    collector.append([0x09])
                } else if skipDepth == 0, name == "w:br" || name == "w:cr" {
                    collector.append([0x20])
                }
            case .end(let name):
                if name == "w:del" || name == "w:instrText" || name == "w:delText" || name == "mc:Fallback" {
                    skipDepth = max(0, skipDepth - 1)
                } else if name == "w:p" {
                    collector.endParagraph()
                } else if name == "w:t" {
                    inText = false
                }
            case .text(let bytes):
                if inText && skipDepth == 0 { collector.append(bytes) }
            }
        }
        if collector.open { collector.endParagraph() }
    }
}

/// OpenDocument text (.odt, .ott): paragraphs and headings of content.xml, then headers and footers of
/// styles.xml. Tracked deletions and annotations are left out.
public struct ODTReader: DocumentReader {
    public static let extensions = ["odt", "ott"]
    public var limits = ZipLimits()
    public init() {}

    public func read(_ bytes: [UInt8]) throws(InputError) -> SourceText {
        var package = try ZipPackage(bytes, limits: limits)
        guard let content = try package.part("content.xml") else {
            throw .invalidDocument("geen OpenDocument-tekst: content.xml ontbreekt")
        }
        var collector = ParagraphCollector()
        collect(content, into: &collector, onlyHeadersAndFooters: false)
        if let styles = try package.part("styles.xml") {
            collect(styles, into: &collector, onlyHeadersAndFooters: true)
        }
        return try collector.source(emptyMessage: "het document bevat geen tekst")
    }

    func collect(_ xml: [UInt8], into collector: inout ParagraphCollector, onlyHeadersAndFooters: Bool) {
        var depth = 0
        var skipDepth = 0
        var headerDepth = 0
        XMLScanner(bytes: xml).scan { event in
            switch event {
            case .start(let name, let selfClosing):
                if selfClosing {
                    if (name == "text:p" || name == "text:h"), depth == 0, skipDepth == 0, !onlyHeadersAndFooters || headerDepth > 0 {
                        collector.startParagraph()
                        collector.endParagraph()
                        return
                    }
                    guard depth > 0, skipDepth == 0, !onlyHeadersAndFooters || headerDepth > 0 else { return }
                    if name == "text:s" { collector.append([0x20]) }
                    if name == "text:tab" { collector.append([0x09]) }
                    if name == "text:line-break" { collector.append([0x20]) }
                    return
                }
                if ["text:tracked-changes", "office:annotation", "text:note-citation"].contains(name) { skipDepth += 1 }
                if name.hasPrefix("style:header") || name.hasPrefix("style:footer") { headerDepth += 1 }
                if name == "text:p" || name == "text:h" {
                    if depth == 0 { collector.startParagraph() }
                    depth += 1
                }
            case .end(let name):
                if ["text:tracked-changes", "office:annotation", "text:note-citation"].contains(name) { skipDepth = max(0, skipDepth - 1) }
                if name.hasPrefix("style:header") || name.hasPrefix("style:footer") { headerDepth = max(0, headerDepth - 1) }
                if name == "text:p" || name == "text:h" {
                    depth = max(0, depth - 1)
                    if depth == 0 {
                        if !onlyHeadersAndFooters || headerDepth > 0 || !collector.current.isEmpty { collector.endParagraph() } else { collector.open = false }
                    }
                }
            case .text(let bytes):
                if depth > 0, skipDepth == 0, !onlyHeadersAndFooters || headerDepth > 0 { collector.append(bytes) }
            }
        }
    }
}

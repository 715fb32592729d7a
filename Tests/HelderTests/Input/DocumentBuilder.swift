import Foundation
import ZIPFoundation

/// Builds real .docx and .odt files in code, so tests show what is in them.
enum DocumentBuilder {
    static func zip(_ parts: [(String, String)], compress: Bool = true) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, content) in parts {
            let data = Data(content.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: compress ? .deflate : .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data!)
    }

    static let wordNamespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A paragraph whose text is split over runs, as Word does after edits.
    static func paragraph(_ runs: [String]) -> String {
        "<w:p>" + runs.map { "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined() + "</w:p>"
    }

    static func docx(body: String, header: String? = nil, footer: String? = nil, footnotes: String? = nil) throws -> [UInt8] {
        var parts = [
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(wordNamespace)><w:body>\(body)</w:body></w:document>"),
        ]
        if let header { parts.append(("word/header1.xml", "<w:hdr \(wordNamespace)>\(header)</w:hdr>")) }
        if let footer { parts.append(("word/footer1.xml", "<w:ftr \(wordNamespace)>\(footer)</w:ftr>")) }
        if let footnotes { parts.append(("word/footnotes.xml", "<w:footnotes \(wordNamespace)>\(footnotes)</w:footnotes>")) }
        return try zip(parts)
    }

    static func odt(paragraphs: [String], header: String? = nil) throws -> [UInt8] {
        let ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
        let body = paragraphs.map { "<text:p>\($0)</text:p>" }.joined()
        var parts = [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", "<?xml version=\"1.0\"?><office:document-content \(ns)><office:body><office:text>\(body)</office:text></office:body></office:document-content>"),
        ]
        if let header {
            parts.append(("styles.xml", "<office:document-styles \(ns)><office:master-styles><style:master-page><style:header><text:p>\(header)</text:p></style:header></style:master-page></office:master-styles></office:document-styles>"))
        }
        return try zip(parts)
    }
}

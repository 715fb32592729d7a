import LexiconFormat

/// The batch view of a template folder: per document findings per 1,000 words and per category, totals
/// per rule and per term, the worst documents first.
public struct AuditReport: Sendable {
    public struct Document: Sendable {
        public var path: String
        public var words: Int
        public var findings: Int
        public var perCategory: [String: Int]
        public var error: String?
        public var perThousandWords: Double { words == 0 ? 0 : Double(findings) * 1000 / Double(words) }
    }

    public static let categories = ["jargon", "abbreviation", "directive", "blame", "template"]
    public var documents: [Document]
    public var perRule: [(String, Int)]
    public var perTerm: [(String, Int)]
    public var perCategory: [(String, Int)]

    public init(_ reports: [FileReport]) {
        var tally = Tally()
        for report in reports { tally.add(report) }
        self = tally.report
    }

    init(documents: [Document], rules: [String: Int], terms: [String: Int], categories: [String: Int]) {
        self.documents = documents.sorted { ($0.perThousandWords, $1.path) > ($1.perThousandWords, $0.path) }
        let order: ((String, Int), (String, Int)) -> Bool = { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        perRule = rules.sorted(by: order)
        perTerm = terms.sorted(by: order)
        perCategory = Self.categories.map { ($0, categories[$0] ?? 0) }
    }

    /// Counts reports as they arrive (the parts of a large file go to one document), so an audit of a
    /// whole archive keeps numbers, never the findings themselves.
    public struct Tally: Sendable {
        private var documents: [Document] = []
        private var rules: [String: Int] = [:]
        private var terms: [String: Int] = [:]
        private var categories: [String: Int] = [:]
        /// The previous part said more of its file follows.
        private var inFile = false

        public init() {}

        public mutating func add(_ part: FileReport) {
            if !inFile {
                documents.append(Document(path: part.path, words: 0, findings: 0, perCategory: [:], error: nil))
            }
            inFile = part.continues
            let last = documents.count - 1
            documents[last].words += part.wordCount
            documents[last].findings += part.findings.count
            if let error = part.error { documents[last].error = error.description }
            for located in part.findings {
                documents[last].perCategory[located.finding.category, default: 0] += 1
                rules[located.finding.rule, default: 0] += 1
                categories[located.finding.category, default: 0] += 1
                terms[TextFolding.fold(located.match), default: 0] += 1
            }
        }

        public var report: AuditReport {
            AuditReport(documents: documents, rules: rules, terms: terms, categories: categories)
        }
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return String(rounded).replacingOccurrences(of: ".", with: ",")
    }

    public func text(redact: Bool = false) -> String {
        var output = "Documenten (meeste bevindingen per 1.000 woorden eerst)\n"
        for document in documents {
            if let error = document.error { output += "  \(document.path): niet gecontroleerd: \(error)\n"; continue }
            let categories = Self.categories.compactMap { name in document.perCategory[name].map { "\(name) \($0)" } }.joined(separator: ", ")
            output += "  \(Self.number(document.perThousandWords)) per 1.000 woorden\t\(document.findings) in \(document.words) woorden\t\(document.path)"
            output += categories.isEmpty ? "\n" : " (\(categories))\n"
        }
        output += "\nPer categorie\n" + perCategory.map { "  \($0.0)\t\($0.1)" }.joined(separator: "\n") + "\n"
        output += "\nPer regel\n" + perRule.map { "  \($0.0)\t\($0.1)" }.joined(separator: "\n") + "\n"
        if !redact {
            output += "\nMeest gevonden woorden\n" + perTerm.prefix(50).map { "  \($0.0)\t\($0.1)" }.joined(separator: "\n") + "\n"
        }
        return output
    }

    public func json(redact: Bool) -> String {
        let documentValues: [JSONValue] = documents.map { document in
            var pairs: [(String, JSONValue)] = [
                ("path", .string(document.path)), ("words", .int(document.words)), ("findings", .int(document.findings)),
                ("perThousandWords", .double(document.perThousandWords)),
                ("categories", .object(Self.categories.map { ($0, .int(document.perCategory[$0] ?? 0)) })),
            ]
            if let error = document.error { pairs.append(("error", .string(error))) }
            return .object(pairs)
        }
        return JSONValue.object([
            ("version", .int(1)),
            ("documents", .array(documentValues)),
            ("categories", .object(perCategory.map { ($0.0, .int($0.1)) })),
            ("rules", .object(perRule.map { ($0.0, .int($0.1)) })),
            ("terms", redact ? .object([]) : .object(perTerm.map { ($0.0, .int($0.1)) })),
        ]).rendered(indent: 2) + "\n"
    }

    public func csv() -> String {
        func field(_ value: String) -> String {
            value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == ";" })
                ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        var output = "path,words,findings,per_1000_words," + Self.categories.joined(separator: ",") + ",error\n"
        for document in documents {
            let counts = Self.categories.map { String(document.perCategory[$0] ?? 0) }.joined(separator: ",")
            let rate = String((document.perThousandWords * 10).rounded() / 10)
            output += "\(field(document.path)),\(document.words),\(document.findings),\(rate),\(counts),\(field(document.error ?? ""))\n"
        }
        return output
    }

    /// One self-contained page: no scripts or fonts from elsewhere, a sortable table, an inline SVG chart.
    public func html(redact: Bool) -> String {
        func escape(_ text: String) -> String { xmlEscape(text) }
        let maximum = max(1, perCategory.map(\.1).max() ?? 1)
        let labels = ["jargon": "Vaktaal", "abbreviation": "Afkortingen", "directive": "Opdrachten", "blame": "Verwijten", "template": "Lege velden"]
        var bars = ""
        for (index, (category, count)) in perCategory.enumerated() {
            let width = Int(Double(count) / Double(maximum) * 380)
            let y = 10 + index * 34
            bars += "<text x=\"0\" y=\"\(y + 17)\">\(escape(labels[category] ?? category))</text>"
            bars += "<rect x=\"110\" y=\"\(y)\" width=\"\(width)\" height=\"24\" fill=\"#2f6f8f\"><title>\(count)</title></rect>"
            bars += "<text x=\"\(118 + width)\" y=\"\(y + 17)\">\(count)</text>"
        }
        let total = documents.reduce(0) { $0 + $1.findings }
        var rows = ""
        for document in documents {
            rows += "<tr><td>\(escape(document.path))</td><td data-v=\"\(document.perThousandWords)\">\(Self.number(document.perThousandWords))</td>"
            rows += "<td>\(document.findings)</td><td>\(document.words)</td>"
            for category in Self.categories.dropLast() { rows += "<td>\(document.perCategory[category] ?? 0)</td>" }
            rows += "<td>\(escape(document.error ?? ""))</td></tr>\n"
        }
        var terms = ""
        if !redact {
            terms = "<h2>Meest gevonden woorden</h2><table><thead><tr><th>Woord</th><th>Aantal</th></tr></thead><tbody>"
            for (term, count) in perTerm.prefix(30) { terms += "<tr><td>\(escape(term))</td><td>\(count)</td></tr>" }
            terms += "</tbody></table>"
        }
        return """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>Helder: overzicht van \(documents.count) documenten</title>
            <style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
            th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#eef;cursor:pointer}
            svg text{font:14px sans-serif}</style></head><body>
            <h1>Helder: overzicht</h1>
            <p>\(total) bevindingen in \(documents.count) documenten. Klik op een kolomkop om te sorteren.</p>
            <h2>Bevindingen per categorie</h2>
            <svg width="560" height="\(20 + perCategory.count * 34)" role="img" aria-label="Bevindingen per categorie">\(bars)</svg>
            <h2>Documenten, meeste bevindingen per 1.000 woorden eerst</h2>
            <table id="docs"><thead><tr><th>Document</th><th>Per 1.000 woorden</th><th>Bevindingen</th><th>Woorden</th>
            <th>Vaktaal</th><th>Afkortingen</th><th>Opdrachten</th><th>Verwijten</th><th>Fout</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            \(terms)
            <script>
            document.querySelectorAll('#docs th').forEach(function(th, i){th.addEventListener('click', function(){
              var body = document.querySelector('#docs tbody'); var rows = Array.from(body.rows);
              var asc = th.dataset.asc !== '1'; th.dataset.asc = asc ? '1' : '0';
              rows.sort(function(a, b){ var x = a.cells[i].dataset.v || a.cells[i].textContent, y = b.cells[i].dataset.v || b.cells[i].textContent;
                var nx = parseFloat(x), ny = parseFloat(y); var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
                return asc ? c : -c; });
              rows.forEach(function(r){ body.appendChild(r); }); }); });
            </script></body></html>

            """
    }
}

import LexiconFormat

/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the rules with Dutch help,
/// code-point columns, URIs relative to `%SRCROOT%`, line-independent fingerprints, and files that could
/// not be checked as tool execution notifications.
public struct SARIFReporter: Reporter {
    public init() {}

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    public func makeWriter(context: ReportContext) -> any ReportWriter { Writer(context: context) }

    /// Writes the run's header first and each result as its file arrives; files that could not be
    /// checked become notifications in the invocation at the end.
    struct Writer: ReportWriter {
        let context: ReportContext
        /// The rules by id: their place in this list is each result's `ruleIndex`.
        let rules: [RuleDescription]
        let ruleIndex: [String: Int]
        var results = 0
        var notifications: [JSONValue] = []
        var fingerprints = FingerprintCounter()

        init(context: ReportContext) {
            self.context = context
            self.rules = context.rules.values.sorted { $0.id < $1.id }
            self.ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        }

        mutating func begin(to output: inout some ReportOutput) {
            let driverRules: [JSONValue] = rules.map { rule in
                .object([
                    ("id", .string(rule.id)),
                    ("name", .string(rule.name)),
                    ("shortDescription", .object([("text", .string(rule.summary))])),
                    ("fullDescription", .object([("text", .string(rule.rationale))])),
                    ("help", .object([("text", .string("\(rule.summary)\n\n\(rule.rationale)\n\nAdvies: \(rule.suggestion)"))])),
                    ("defaultConfiguration", .object([("level", .string(SARIFReporter.level(rule.severity)))])),
                    ("properties", .object([("category", .string(rule.category?.rawValue ?? "template"))])),
                ])
            }
            let tool = JSONValue.object([("driver", .object([
                ("name", .string("helder")),
                ("version", .string(context.toolVersion)),
                ("semanticVersion", .string(context.toolVersion)),
                ("rules", .array(driverRules)),
            ]))])
            output.write("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n")
            output.write("  \"runs\": [\n    {\n      \"tool\": \(tool.rendered(indent: 2, level: 3)),\n")
            if !context.rootPath.isEmpty {
                let root = context.rootPath.hasSuffix("/") ? context.rootPath : context.rootPath + "/"
                let base = JSONValue.object([("%SRCROOT%", .object([("uri", .string("file://" + SARIFReporter.percentEncode(root)))]))])
                output.write("      \"originalUriBaseIds\": \(base.rendered(indent: 2, level: 3)),\n")
            }
            output.write("      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
        }

        mutating func write(_ file: FileReport, to output: inout some ReportOutput) {
            let uri = SARIFReporter.uri(file.path)
            if let error = file.error {
                notifications.append(.object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string("\(file.path): \(error.description)"))])),
                    ("locations", .array([.object([("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(uri)), ("uriBaseId", .string("%SRCROOT%"))])),
                    ]))])])),
                ]))
            }
            for (located, print) in zip(file.findings, fingerprints.next(file)) {
                output.write(results == 0 ? "\n        " : ",\n        ")
                output.write(result(located, uri: uri, fingerprint: print).rendered(indent: 2, level: 4))
                results += 1
            }
        }

        func result(_ located: LocatedFinding, uri: String, fingerprint: String) -> JSONValue {
            var region: [(String, JSONValue)] = [
                ("startLine", .int(max(1, located.line))), ("startColumn", .int(max(1, located.column))),
            ]
            if let offset = located.characterOffset, let length = located.characterLength {
                region.append(("charOffset", .int(offset)))
                region.append(("charLength", .int(length)))
            } else {
                region.append(("byteOffset", .int(located.offset)))
                region.append(("byteLength", .int(located.length)))
            }
            var result: [(String, JSONValue)] = [
                ("ruleId", .string(located.finding.rule)),
            ]
            if let index = ruleIndex[located.finding.rule] { result.append(("ruleIndex", .int(index))) }
            result += [
                ("level", .string(SARIFReporter.level(located.finding.severity))),
                ("message", .object([("text", .string("\(context.message(located)) \(located.finding.suggestion)"))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(uri)), ("uriBaseId", .string("%SRCROOT%"))])),
                    ("region", .object(region)),
                ]))])])),
                ("partialFingerprints", .object([("helderFindingHash/v1", .string(fingerprint))])),
            ]
            var properties: [(String, JSONValue)] = [("category", .string(located.finding.category))]
            if let entry = located.finding.entry { properties.append(("entry", .string(entry))) }
            result.append(("properties", .object(properties)))
            return .object(result)
        }

        mutating func end(to output: inout some ReportOutput) {
            output.write(results == 0 ? "]" : "\n      ]")
            let invocations = JSONValue.array([.object([
                ("executionSuccessful", .bool(notifications.isEmpty)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])
            output.write(",\n      \"invocations\": \(invocations.rendered(indent: 2, level: 3))\n    }\n  ]\n}\n")
        }
    }

    /// A relative URI reference for a path: `./` dropped, each segment percent-encoded.
    static func uri(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return percentEncode(path)
    }

    static func percentEncode(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let allowed = (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
                || "-._~/".utf8.contains(byte)
            if allowed {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}

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

    public func write(_ files: [FileReport], context: ReportContext, to sink: inout some TextOutputStream) {
        sink.write(render(files, context: context))
    }

    func render(_ files: [FileReport], context: ReportContext) -> String {
        let rules = context.rules.values.sorted { $0.id < $1.id }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driverRules: [JSONValue] = rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(rule.name)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.rationale))])),
                ("help", .object([("text", .string("\(rule.summary)\n\n\(rule.rationale)\n\nAdvies: \(rule.suggestion)"))])),
                ("defaultConfiguration", .object([("level", .string(Self.level(rule.severity)))])),
                ("properties", .object([("category", .string(rule.category?.rawValue ?? "template"))])),
            ])
        }
        var results: [JSONValue] = []
        var notifications: [JSONValue] = []
        for file in files {
            let uri = Self.uri(file.path)
            if let error = file.error {
                notifications.append(.object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string("\(file.path): \(error.description)"))])),
                    ("locations", .array([.object([("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(uri)), ("uriBaseId", .string("%SRCROOT%"))])),
                    ]))])])),
                ]))
            }
            for (located, print) in zip(file.findings, fingerprints(file)) {
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
                    ("level", .string(Self.level(located.finding.severity))),
                    ("message", .object([("text", .string("\(context.message(located)) \(located.finding.suggestion)"))])),
                    ("locations", .array([.object([("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(uri)), ("uriBaseId", .string("%SRCROOT%"))])),
                        ("region", .object(region)),
                    ]))])])),
                    ("partialFingerprints", .object([("helderFindingHash/v1", .string(print))])),
                ]
                var properties: [(String, JSONValue)] = [("category", .string(located.finding.category))]
                if let entry = located.finding.entry { properties.append(("entry", .string(entry))) }
                result.append(("properties", .object(properties)))
                results.append(.object(result))
            }
        }
        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", .object([
                ("name", .string("helder")),
                ("version", .string(context.toolVersion)),
                ("semanticVersion", .string(context.toolVersion)),
                ("rules", .array(driverRules)),
            ]))])),
        ]
        if !context.rootPath.isEmpty {
            let root = context.rootPath.hasSuffix("/") ? context.rootPath : context.rootPath + "/"
            run.append(("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string("file://" + Self.percentEncode(root)))]))])))
        }
        run += [
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(notifications.isEmpty)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ]
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ]).rendered(indent: 2) + "\n"
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

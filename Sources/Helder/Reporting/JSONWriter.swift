/// JSON string quoting, shared by every JSON-writing reporter.
enum JSONWriter {
    static func quote(_ value: String) -> String {
        // Most values need no escaping at all (0xE2 leads U+2028 and U+2029).
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            return "\"" + value + "\""
        }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// A JSON value built in code, printed with keys in insertion order.
public indirect enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public func rendered(indent: Int? = nil, level: Int = 0) -> String {
        var output = ""
        render(into: &output, indent: indent, level: level)
        return output
    }

    /// Appends to one string instead of joining the strings of every nested value.
    func render(into output: inout String, indent: Int?, level: Int) {
        func newline(_ depth: Int) {
            guard let indent else { return }
            output += "\n"
            output += String(repeating: " ", count: indent * depth)
        }
        switch self {
        case .string(let value): output += JSONWriter.quote(value)
        case .int(let value): output += String(value)
        case .double(let value): output += value.isFinite ? String(format3(value)) : "null"
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let values):
            if values.isEmpty { output += "[]"; return }
            output += "["
            for (number, value) in values.enumerated() {
                if number > 0 { output += "," }
                newline(level + 1)
                value.render(into: &output, indent: indent, level: level + 1)
            }
            newline(level)
            output += "]"
        case .object(let pairs):
            if pairs.isEmpty { output += "{}"; return }
            output += "{"
            for (number, (key, value)) in pairs.enumerated() {
                if number > 0 { output += "," }
                newline(level + 1)
                output += JSONWriter.quote(key)
                output += indent == nil ? ":" : ": "
                value.render(into: &output, indent: indent, level: level + 1)
            }
            newline(level)
            output += "}"
        }
    }

    private func format3(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// JSON string quoting, shared by every JSON-writing reporter.
enum JSONWriter {
    static func quote(_ value: String) -> String {
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
        let newline = indent == nil ? "" : "\n"
        let pad = { (depth: Int) in String(repeating: " ", count: (indent ?? 0) * depth) }
        let separator = indent == nil ? ":" : ": "
        switch self {
        case .string(let value): return JSONWriter.quote(value)
        case .int(let value): return String(value)
        case .double(let value): return value.isFinite ? String(format3(value)) : "null"
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let values):
            if values.isEmpty { return "[]" }
            let items = values.map { pad(level + 1) + $0.rendered(indent: indent, level: level + 1) }
            return "[" + newline + items.joined(separator: "," + newline) + newline + pad(level) + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            let items = pairs.map { pad(level + 1) + JSONWriter.quote($0.0) + separator + $0.1.rendered(indent: indent, level: level + 1) }
            return "{" + newline + items.joined(separator: "," + newline) + newline + pad(level) + "}"
        }
    }

    private func format3(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

import LexiconFormat

/// JSON string quoting, shared by every JSON-writing reporter.
enum JSONWriter {
    static func quote(_ value: String) -> String {
        var buffer = JSONBytes()
        buffer.appendQuoted(value)
        return buffer.string
    }
}

/// JSON text as UTF-8 bytes: literal parts and quoted strings are copied in runs, so a report with
/// hundreds of thousands of findings costs a few instructions per byte. Its own storage, not an array:
/// a finding is some forty appends, and an array checks that its storage is unshared at each one. Not
/// copyable, so the storage is never shared.
struct JSONBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    var bytes: [UInt8] {
        // Copied by hand: `Array(UnsafeBufferPointer)` made the compiler emit a byte-by-byte copy routine
        // that other modules' appends of bytes then shared (the linker keeps one), slowing them down.
        [UInt8](unsafeUninitializedCapacity: count) { storage, initialized in
            if let target = storage.baseAddress { target.initialize(from: base, count: count) }
            initialized = count
        }
    }

    /// Writes the bytes to `output`.
    func write(to output: inout some ReportOutput) {
        output.write(utf8: UnsafeBufferPointer(start: base, count: count))
    }

    /// How much a report buffer gathers before handing it on: large enough that writes are few, small
    /// enough that no report is ever held whole.
    static let piece = 65_536

    /// A buffer with room for a piece and what overshoots it.
    static func forPieces() -> JSONBytes { JSONBytes(capacity: piece + 4_096) }

    /// Hands the bytes on to `output` and empties the buffer once a piece has gathered.
    mutating func handOnPiece(to output: inout some ReportOutput) {
        guard count >= Self.piece else { return }
        write(to: &output)
        removeAll()
    }

    /// Empties the buffer and keeps its room.
    mutating func removeAll() {
        count = 0
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        storage.initialize(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = larger
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count &+= bytes.count
    }

    mutating func append(_ literal: StaticString) {
        // `withUTF8Buffer`, not `utf8Start`: a one-character literal may be stored as a scalar.
        literal.withUTF8Buffer { append($0) }
    }

    mutating func append(_ value: Int) {
        // Digits written from the end of a small stack buffer: no String per number.
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var position = digits.count
            repeat {
                position -= 1
                digits[position] = UInt8(truncatingIfNeeded: 48 &+ magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { appendByte(0x2D) }
            append(UnsafeBufferPointer(rebasing: digits[position...]))
        }
    }

    /// Whether any of eight bytes is a control byte, `"`, `\` or 0xE2 (the bytes `appendQuoted` looks at
    /// one by one). It may say yes for a word that holds none; never no for one that holds one.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & high }
        let control = (word &- ones &* 0x20) & ~word & high
        let marks = hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C)) | hasZeroByte(word ^ (ones &* 0xE2))
        return control | marks != 0
    }

    /// A JSON string literal. Dutch text is full of `’` and `…`, whose lead byte 0xE2 is also that of
    /// U+2028 and U+2029 (escaped for JavaScript); only those two are escaped.
    mutating func appendQuoted(_ value: String) {
        // A native string's bytes are read where they are; only another kind is copied first.
        if value.utf8.withContiguousStorageIfAvailable({ appendQuoted(utf8: $0) }) != nil { return }
        var copy = value
        copy.withUTF8 { appendQuoted(utf8: $0) }
    }

    private mutating func appendQuoted(utf8 text: UnsafeBufferPointer<UInt8>) {
        appendByte(0x22)
        var runStart = 0
        var index = 0
        while index < text.count {
            // Eight bytes at a time while none of them may need escaping (most of any message).
            if index &+ 8 <= text.count, let base = text.baseAddress,
               !Self.mayNeedEscape(UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))) {
                index &+= 8
                continue
            }
            // The last few bytes: the last eight, some already read, in one word.
            if index &+ 8 > text.count, text.count >= 8, let base = text.baseAddress,
               !Self.mayNeedEscape(UInt64(littleEndian: UnsafeRawPointer(base + text.count - 8).loadUnaligned(as: UInt64.self))) {
                index = text.count
                break
            }
            let byte = text[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 {
                index += 1
                continue
            }
            let separator = byte == 0xE2 && index + 2 < text.count && text[index + 1] == 0x80
                && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9)
            if byte == 0xE2 && !separator {
                index += 1
                continue
            }
            append(UnsafeBufferPointer(rebasing: text[runStart..<index]))
            switch byte {
            case 0x22, 0x5C: appendByte(0x5C); appendByte(byte)
            case 0x0A: appendByte(0x5C); appendByte(UInt8(ascii: "n"))
            case 0x0D: appendByte(0x5C); appendByte(UInt8(ascii: "r"))
            case 0x09: appendByte(0x5C); appendByte(UInt8(ascii: "t"))
            case 0xE2: appendEscape(text[index + 2] == 0xA8 ? 0x2028 : 0x2029)
            default: appendEscape(UInt32(byte))
            }
            index += byte == 0xE2 ? 3 : 1
            runStart = index
        }
        append(UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
        appendByte(0x22)
    }

    /// `\u` and four lowercase hex digits.
    private mutating func appendEscape(_ value: UInt32) {
        let digits: StaticString = "0123456789abcdef"
        appendByte(0x5C)
        appendByte(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            appendByte(digits.utf8Start[Int(value >> UInt32(shift)) & 0xF])
        }
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

/// Long strings that come back from finding to finding, quoted once. An entry's explanation and
/// suggestion are the same String in every finding of that entry, and were most of the bytes a report
/// escaped (12,600 findings on 10 MB of prose). Known by the address and length of their storage, in
/// slots chosen by address (a hashed dictionary cost as much as the escaping it saved); each slot keeps
/// its String, so that storage is neither freed and reused nor changed in place while it is known.
struct QuotedStrings {
    private struct Slot {
        let address: Int
        let count: Int
        let string: String
        let bytes: [UInt8]
    }
    private var slots = [Slot?](repeating: nil, count: 512)
    /// Strings of up to 15 bytes live inside the String value itself, at no lasting address; short
    /// ones cost little to quote anyway.
    private static let shortest = 32

    mutating func appendQuoted(_ value: String, to output: inout JSONBytes) {
        let count = value.utf8.count
        guard count >= Self.shortest,
              let address = value.utf8.withContiguousStorageIfAvailable({ $0.baseAddress.map { Int(bitPattern: $0) } }) ?? nil
        else {
            output.appendQuoted(value)
            return
        }
        let index = (address &>> 4 ^ address &>> 13) & (slots.count - 1)
        if let slot = slots[index], slot.address == address, slot.count == count {
            slot.bytes.withUnsafeBufferPointer { output.append($0) }
            return
        }
        var scratch = JSONBytes(capacity: count + 16)
        scratch.appendQuoted(value)
        let bytes = scratch.bytes
        slots[index] = Slot(address: address, count: count, string: value, bytes: bytes)
        bytes.withUnsafeBufferPointer { output.append($0) }
    }

    /// A quoted head and the four strings it was made of. A class: read from its slot with one
    /// reference counted, not one per string.
    private final class Head {
        let rule: String
        let entry: String?
        let category: String
        let severity: Severity
        let bytes: [UInt8]

        init(rule: String, entry: String?, category: String, severity: Severity, bytes: [UInt8]) {
            (self.rule, self.entry, self.category, self.severity, self.bytes) = (rule, entry, category, severity, bytes)
        }
    }
    private var heads = [Head?](repeating: nil, count: 256)

    /// The opening of a finding's object, through its severity: rule, entry, category and severity
    /// come in a few hundred combinations, and quoting four short strings per finding cost more than
    /// the rest of the object. Slots are chosen by the strings' own 16 bytes (a short string's text,
    /// a long one's storage); a slot is used only when all four are equal. The finding is read in
    /// place (`pointee`): a copy of it counts references to six strings.
    mutating func appendHead(of located: UnsafePointer<LocatedFinding>, indent: StaticString, to output: inout JSONBytes) {
        func bits(_ string: String) -> UInt64 {
            withUnsafeBytes(of: string) { raw in
                raw.loadUnaligned(as: UInt64.self) &* 0x9E37_79B9_7F4A_7C15 ^ raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)
            }
        }
        let mixed = (bits(located.pointee.finding.rule) &* 31 ^ (located.pointee.finding.entry.map(bits) ?? 0) &* 7
            ^ bits(located.pointee.finding.category)) &* 0x9E37_79B9_7F4A_7C15
        let index = Int(truncatingIfNeeded: mixed >> 56) & (heads.count - 1)
        if let head = heads[index], head.severity == located.pointee.finding.severity, head.rule == located.pointee.finding.rule,
           head.entry == located.pointee.finding.entry, head.category == located.pointee.finding.category {
            head.bytes.withUnsafeBufferPointer { output.append($0) }
            return
        }
        let finding = located.pointee.finding
        var scratch = JSONBytes(capacity: 160)
        scratch.append("{")
        scratch.append(indent)
        scratch.append("\"rule\": ")
        scratch.appendQuoted(finding.rule)
        if let entry = finding.entry {
            scratch.append(",")
            scratch.append(indent)
            scratch.append("\"entry\": ")
            scratch.appendQuoted(entry)
        }
        scratch.append(",")
        scratch.append(indent)
        scratch.append("\"category\": ")
        scratch.appendQuoted(finding.category)
        scratch.append(",")
        scratch.append(indent)
        scratch.append("\"severity\": ")
        scratch.appendQuoted(finding.severity.rawValue)
        let bytes = scratch.bytes
        heads[index] = Head(rule: finding.rule, entry: finding.entry, category: finding.category, severity: finding.severity,
                            bytes: bytes)
        bytes.withUnsafeBufferPointer { output.append($0) }
    }
}

import Foundation
import Helder

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Buffered standard output: one write per 64 KB instead of one per line.
struct OutputBuffer: ReportOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write(utf8: $0) }
    }

    mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        // A large piece (the JSON reporter hands on 64 KB at a time) goes out as it is, after what is
        // buffered: no copy into the buffer.
        if bytes.count >= 65_536 {
            flush()
            Self.writeOut(UnsafeRawBufferPointer(bytes))
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count > 65_536 { flush() }
    }

    mutating func writeByte(_ byte: UInt8) {
        buffer.append(byte)
    }

    mutating func writeNumber(_ value: Int) {
        // Digits from the right into a small stack buffer: one division per digit.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var remaining = max(0, value)
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(48 + remaining % 10)
                remaining /= 10
            } while remaining > 0
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// Text with tab, newline, carriage return and backslash escaped as `\t`, `\n`, `\r`, `\\`.
    mutating func writeEscaped(_ bytes: ArraySlice<UInt8>) {
        if !bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            buffer.append(contentsOf: bytes)
            if buffer.count > 65_536 { flush() }
            return
        }
        for byte in bytes {
            switch byte {
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
            case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
            default: buffer.append(byte)
            }
        }
        if buffer.count > 65_536 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { Self.writeOut($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes bytes to standard output without copying them into a `Data` first.
    private static func writeOut(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count,
                                             deallocator: .none))
    }
}

/// A file named on the command line, or standard input for `-`.
struct Input {
    let path: String
    let stdinName: String?

    var isStdin: Bool { path == "-" }
    var displayPath: String { isStdin ? (stdinName ?? "<stdin>") : path }

    func readBytes(limit: Int = 512 * 1_048_576) throws(InputError) -> [UInt8] {
        if isStdin {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            if data.count > limit { throw .tooLarge(size: data.count, limit: limit) }
            return [UInt8](data)
        }
        return try LocalFileSystem().read(path, limit: limit)
    }

    func readSource() throws(InputError) -> SourceText {
        let bytes = try readBytes()
        return try DocumentReaders.reader(forPath: isStdin ? (stdinName ?? "stdin.txt") : path).read(bytes)
    }
}

import Foundation

/// Checks a large UTF-8 text file in bounded memory: it is read in chunks cut at paragraph ends (or line
/// ends, or spaces for one enormous line), and each chunk is checked on its own. Offsets, lines and
/// columns are those of the whole file. An explanation in one chunk does not carry into the next.
/// Each chunk's findings are handed on as one part of the file's report, so they are never all held.
struct StreamingChecker {
    let batch: BatchChecker
    var chunkSize: Int

    init(batch: BatchChecker) {
        self.batch = batch
        self.chunkSize = max(4_096, batch.options.streamingChunkSize)
    }

    /// Delivers the file's report in parts; the last part has `continues` unset (and carries the error
    /// when the file fails half-way).
    func check(path: String, displayPath: String, checker: Checker, cache: MatchCache = MatchCache(), deliver: (FileReport) -> Void) {
        do {
            try check(path: path, displayPath: displayPath, checker: checker, cache: cache, part: deliver)
            deliver(FileReport(path: displayPath))
        } catch {
            deliver(FileReport(path: displayPath, error: error))
        }
    }

    private func check(path: String, displayPath: String, checker: Checker, cache: MatchCache,
                       part: (FileReport) -> Void) throws(InputError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable("geen toegang") }
        defer { try? handle.close() }
        let descriptor = handle.fileDescriptor
        // The bytes after the last cut, which start the next chunk.
        var carry: [UInt8] = []
        var base = 0
        var baseLine = 0
        var baseColumn = 0
        var first = true
        var atEnd = false
        // The last chunk is the one during which the file ended: it is checked whole, carrying nothing.
        while !atEnd {
            // A chunk is the carried bytes and then up to `chunkSize` more, read straight into its
            // storage: no buffer per read and no copy of the whole chunk.
            var failed = false
            var chunk = [UInt8](unsafeUninitializedCapacity: carry.count + chunkSize) { buffer, count in
                count = carry.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
                failed = !LocalFileSystem.readAll(descriptor, into: buffer, count: &count)
                atEnd = failed || count < buffer.count
            }
            if failed { throw .unreadable("leesfout") }
            carry = []
            var bomLength = 0
            if first {
                if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) || TextDecoder.looksBinary(chunk) {
                    throw .unreadable("te groot om in delen te lezen in deze tekenset; sla het op als UTF-8")
                }
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { bomLength = 3 }
                let quality = TextDecoder.utf8Quality(Array(chunk.prefix(1_048_576)))
                if quality.invalid > quality.validMultibyte {
                    throw .unreadable("te groot om in delen te lezen in deze tekenset; sla het op als UTF-8")
                }
            }
            let cut = atEnd ? chunk.count : Self.cutPoint(chunk)
            if cut < chunk.count {
                carry = Array(chunk[cut...])
                chunk.removeSubrange(cut...)
            }
            var decoded = TextDecoder().decodeUTF8(chunk, from: bomLength)
            decoded.warnings = decoded.warnings.map { warning in
                var warning = warning
                if let offset = warning.offset {
                    warning.offset = offset + base
                    warning.message = "ongeldige UTF-8 op byte \(offset + base); vervangen door �"
                }
                return warning
            }
            let source = SourceText(decoded: decoded)
            var report = batch.report(for: source, displayPath: displayPath, checker: checker, cache: cache)
            for index in report.findings.indices {
                if report.findings[index].line == 1 { report.findings[index].column += baseColumn }
                report.findings[index].line += baseLine
                report.findings[index].offset += base
            }
            report.continues = true
            part(report)
            // Where the next chunk starts: lines and the column of a line cut in the middle.
            let text = source.decoded.utf8
            let lastLine = source.lines.lineStarts.count - 1
            baseLine += lastLine
            let tailColumns = CodePointCounter.count(in: text, from: source.lines.lineStarts[lastLine], to: text.count)
            baseColumn = lastLine == 0 ? baseColumn + tailColumns : tailColumns
            base += cut
            first = false
        }
        if first { throw .empty }
    }

    /// The last paragraph end, else line end, else space in the buffer; else a UTF-8 character start.
    static func cutPoint(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { bytes in
            let floor = bytes.count / 2
            var index = bytes.count - 1
            while index > floor {
                if bytes[index] == 0x0A, bytes[index - 1] == 0x0A || (bytes[index - 1] == 0x0D && index >= 3 && bytes[index - 2] == 0x0A) {
                    return index + 1
                }
                index -= 1
            }
            for target: UInt8 in [0x0A, 0x20] {
                index = bytes.count - 1
                while index > floor {
                    if bytes[index] == target { return index + 1 }
                    index -= 1
                }
            }
            index = bytes.count - 1
            while index > 0, bytes[index] & 0xC0 == 0x80 { index -= 1 }
            return max(1, index)
        }
    }
}

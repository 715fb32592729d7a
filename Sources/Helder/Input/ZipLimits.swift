import Foundation
import ZIPFoundation

/// Limits for zipped documents (.docx, .odt), checked before and while inflating: a zip's directory can
/// lie about sizes, so the bytes actually inflated are counted too.
public struct ZipLimits: Sendable {
    public var maximumEntries = 10_000
    public var maximumEntrySize = 64 * 1_048_576
    public var maximumTotalSize = 256 * 1_048_576
    public var maximumRatio = 200

    public init() {}
}

/// Reads named parts of a zip archive within `ZipLimits`.
struct ZipPackage {
    let archive: Archive
    let limits: ZipLimits
    var inflated = 0

    init(_ bytes: [UInt8], limits: ZipLimits) throws(InputError) {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .invalidDocument("versleuteld of oud Word-document (.doc); sla het op als gewone .docx zonder wachtwoord")
        }
        guard bytes.starts(with: [0x50, 0x4B]) else { throw .invalidDocument("geen geldig zip-bestand (.docx en .odt zijn zip-bestanden)") }
        // A zip ends with its central directory; without it the file was cut off. Checking here also keeps
        // ZIPFoundation's failing initializer (which leaks its buffer) off the common bad path.
        guard let entries = Self.checkedEntryCount(bytes) else {
            throw .invalidDocument("beschadigd of afgekapt zip-bestand")
        }
        if entries > limits.maximumEntries {
            throw .invalidDocument("het zip-bestand heeft te veel onderdelen (meer dan \(limits.maximumEntries))")
        }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .invalidDocument("beschadigd of afgekapt zip-bestand")
        }
        self.limits = limits
    }

    /// Checks the zip's structure before ZIPFoundation reads it (its in-memory reader traps on some
    /// inconsistent archives, found by fuzzing): the end record, and every central directory entry and
    /// local header lying inside the file. Zip64 archives are refused; documents are never that large.
    /// Returns the number of entries, or nil when the structure does not hold.
    static func checkedEntryCount(_ bytes: [UInt8]) -> Int? {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func signature(_ at: Int, _ a: UInt8, _ b: UInt8) -> Bool {
            at >= 0 && at + 4 <= bytes.count && bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == a && bytes[at + 3] == b
        }
        guard bytes.count >= 22 else { return nil }
        var end = -1
        var index = bytes.count - 22
        while index >= max(0, bytes.count - 22 - 65_535) {
            if signature(index, 0x05, 0x06), index + 22 + u16(index + 20) == bytes.count {
                end = index
                break
            }
            index -= 1
        }
        guard end >= 0 else { return nil }
        let entries = u16(end + 10), directorySize = u32(end + 12), directoryOffset = u32(end + 16)
        guard entries == u16(end + 8), directoryOffset != 0xFFFF_FFFF,
              directoryOffset + directorySize <= end else { return nil }
        var position = directoryOffset
        for _ in 0..<entries {
            guard position + 46 <= end, signature(position, 0x01, 0x02) else { return nil }
            let compressed = u32(position + 20), uncompressed = u32(position + 24)
            let nameLength = u16(position + 28), extraLength = u16(position + 30), commentLength = u16(position + 32)
            let localOffset = u32(position + 42)
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, localOffset != 0xFFFF_FFFF,
                  localOffset + 30 <= directoryOffset, signature(localOffset, 0x03, 0x04) else { return nil }
            let dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28)
            guard dataStart + compressed <= directoryOffset else { return nil }
            position += 46 + nameLength + extraLength + commentLength
        }
        return position <= directoryOffset + directorySize ? entries : nil
    }

    var paths: [String] { archive.map(\.path) }

    /// The bytes of a part, or nil when it does not exist.
    mutating func part(_ path: String) throws(InputError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        let compressed = max(1, Int(clamping: entry.compressedSize))
        if declared > limits.maximumEntrySize || (declared > 1_048_576 && declared / compressed > limits.maximumRatio) {
            throw .invalidDocument("verdacht zip-bestand: '\(path)' pakt uit tot \(declared / 1_048_576) MB (zip-bom?)")
        }
        var output: [UInt8] = []
        let cap = min(limits.maximumEntrySize, limits.maximumTotalSize - inflated)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if output.count + chunk.count > cap || output.count + chunk.count > max(declared, 1) * 2 + 4096 {
                    throw InputError.invalidDocument("verdacht zip-bestand: '\(path)' pakt groter uit dan opgegeven (zip-bom?)")
                }
                output.append(contentsOf: chunk)
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw .invalidDocument("beschadigd onderdeel '\(path)' in het zip-bestand")
        }
        inflated += output.count
        return output
    }
}

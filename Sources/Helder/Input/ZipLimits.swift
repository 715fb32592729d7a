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
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .invalidDocument("beschadigd of afgekapt zip-bestand")
        }
        self.limits = limits
        var count = 0
        for _ in archive {
            count += 1
            if count > limits.maximumEntries {
                throw .invalidDocument("het zip-bestand heeft te veel onderdelen (meer dan \(limits.maximumEntries))")
            }
        }
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

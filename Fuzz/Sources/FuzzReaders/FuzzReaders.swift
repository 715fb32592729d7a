import FuzzDriver
import HelderFuzzed

/// Every document reader on arbitrary bytes: the first byte picks the format (txt, md, html, docx, odt).
let batch = BatchChecker(checker: Checker(rules: RuleSet(lexicons: RuleSet.builtInLexicons())))
let extensions = ["txt", "md", "html", "docx", "odt"]

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let ext = extensions[Int(data[0]) % extensions.count]
    let report = batch.check(bytes: bytes, path: "fuzz.\(ext)", displayPath: "fuzz.\(ext)")
    for finding in report.findings {
        precondition(finding.line >= 1 && finding.column >= 1, "line or column below 1")
        precondition(finding.offset >= 0 && finding.length >= 0, "negative offset")
    }
    return 0
}

@_cdecl("FuzzReaders_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}

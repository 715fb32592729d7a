// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for Helder, kept out of `swift test` and CI (see README.md). The library's sources
// are compiled here again through symbolic links, with coverage instrumentation; the lexicons come in
// as the source file the main build generates (`./build.sh` copies it).
let instrumented: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])]
let fuzzerLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]

let package = Package(
    name: "HelderFuzz",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .systemLibrary(name: "ICU", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
        .target(name: "CICU", dependencies: ["ICU"], linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]),
        .target(name: "LexiconFormat", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: instrumented),
        .target(name: "HelderFuzzed", dependencies: [
            "CICU", "LexiconFormat", .product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: instrumented),
        .target(name: "FuzzDriver", swiftSettings: instrumented),
        .executableTarget(name: "FuzzCheck", dependencies: ["HelderFuzzed", "FuzzDriver"], swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        .executableTarget(name: "FuzzReaders", dependencies: ["HelderFuzzed", "FuzzDriver"], swiftSettings: fuzzer, linkerSettings: fuzzerLink),
    ]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Helder",
    products: [
        .executable(name: "helder", targets: ["helder"]),
        .library(name: "Helder", targets: ["Helder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // ICU as the system provides it; SwiftPM names the Debian package when pkg-config cannot find it.
        .systemLibrary(
            name: "ICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // The only code that includes ICU headers. Swift sees a small, version-free C API.
        .target(
            name: "CICU",
            dependencies: ["ICU"],
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // The lexicon source format (YAML), shared by the build-time compiler and runtime extra lexicons.
        .target(
            name: "LexiconFormat",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "helder-lexicon-compiler",
            dependencies: ["LexiconFormat"],
            path: "Sources/LexiconCompiler"
        ),
        .plugin(
            name: "LexiconPlugin",
            capability: .buildTool(),
            dependencies: ["helder-lexicon-compiler"]
        ),
        .target(
            name: "Helder",
            dependencies: [
                "CICU",
                "LexiconFormat",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            plugins: ["LexiconPlugin"]
        ),
        // The commands, as a library so that tests can compare the quick `check` path with ArgumentParser.
        .target(
            name: "HelderCommandLine",
            dependencies: [
                "Helder",
                "LexiconFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "helder",
            dependencies: ["HelderCommandLine"]
        ),
        .testTarget(
            name: "HelderTests",
            dependencies: [
                "Helder",
                "HelderCommandLine",
                "LexiconFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)

// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "finparse",
    products: [
        .library(name: "FinParse", targets: ["FinParse"]),
        .executable(name: "finparse", targets: ["finparse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        // C shims: the only places that see ICU and libxml2 types. Their public
        // headers use plain C types so Foundation's own ICU copy never meets the
        // system ICU headers in one Swift module (docs/icu-libxml2 in ../shared/notes).
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
            ]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CXMLReader", dependencies: ["CLibXML2"]),
        // A file in memory, for ZIPFoundation, which reads damaged zips safely only from a file.
        .target(name: "CMemoryFile"),
        // zlib's CRC-32, which checks an inflated part many times faster than a byte loop in Swift.
        .systemLibrary(
            name: "CSystemZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        .target(
            name: "FinParse",
            dependencies: [
                "CICU", "CXMLReader", "CSystemZlib", "CMemoryFile",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // ZIPFoundation imports all of Foundation; without this its slow NSString-based
            // String.contains and range(of:) would win overload resolution in every file.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "finparse",
            dependencies: [
                "FinParse",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fixtures are read from their path, like the corpus.
        .testTarget(
            name: "FinParseTests",
            // ZIPFoundation writes the small .docx cases the Word tests build in memory.
            dependencies: ["FinParse", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]),
        .testTarget(name: "FinParseCLITests", dependencies: ["finparse"]),
    ]
)

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
        // posix_spawn on close-on-exec pipes, for pdftotext.
        .target(name: "CProcess"),
        // The .docx zip package, read with zlib's minizip: the Swift zip readers bring in all
        // of Foundation (some 6 MB of a batch's memory), Debian's libzip brings OpenSSL's
        // libcrypto (1.4 MB) for encrypted archives, which a report never is.
        .systemLibrary(
            name: "CMiniZip",
            pkgConfig: "minizip",
            providers: [.apt(["libminizip-dev"])]
        ),
        // RAR and 7-Zip archives of reports, read with libarchive, loaded (dlopen) when the
        // first is opened: linked, its libraries cost every process 0.7 MB. Its zip reader
        // is not used: minizip reads zips where they lie. Its headers come from libarchive-dev.
        .target(name: "CArchive"),

        .target(
            name: "FinParse",
            dependencies: [
                "CICU", "CXMLReader", "CMiniZip", "CArchive", "CProcess",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Should a dependency bring in Foundation again, its slow NSString-based
            // String.contains and range(of:) stay out of files that do not import it.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")],
            // zlib's crc32, for a RAR 5's end (minizip links zlib but passes none of it on).
            linkerSettings: [.linkedLibrary("z")]
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

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gugus",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gugus", targets: ["gugus"]),
        .library(name: "GugusCore", targets: ["GugusCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV.git", from: "0.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        // `gugus sources update`: HTTP(S) with redirects, deadlines and size limits; SHA-256 for the locks.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // Snowball's stemmers for the search index (libstemmer has no pkg-config file).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // QR codes for the annual report (gugus report).
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlienc", providers: [.apt(["libbrotli-dev"])]),
        .target(name: "CGugusSystem"),
        // Lets cmark-gfm parse on every core (see its .c file).
        .target(name: "CGugusMarkdown"),
        // The commit `gugus --version` names (scripts/dist writes it into a header).
        .target(name: "CGugusBuildInfo"),
        // Precompressed copies of the site's text files (gzip and Brotli, one call each).
        .target(name: "CGugusCompression", dependencies: ["CZlib", "CBrotli"]),
        // The few libvips calls Gugus makes, with fixed arguments (libvips' API is variadic).
        .target(name: "CGugusImages", dependencies: ["CVips"], linkerSettings: [.linkedLibrary("webpmux"), .linkedLibrary("webp")]),
        .target(
            name: "GugusCore",
            dependencies: [
                "CCmarkGFM",
                "CGugusMarkdown",
                "CGugusSystem",
                "CGugusImages",
                "CGugusCompression",
                "CStemmer",
                "CQRencode",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        .target(
            name: "GugusServer",
            dependencies: [
                "GugusCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Fetches the open data of a network's member sites into content/sources/.
        .target(
            name: "GugusSources",
            dependencies: [
                "GugusCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "gugus",
            dependencies: [
                "GugusCore",
                "GugusServer",
                "GugusSources",
                "CGugusBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GugusCoreTests",
            dependencies: ["GugusCore", "GugusServer", "GugusSources", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Visnyk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "visnyk", targets: ["visnyk"]),
        .library(name: "VisnykKit", targets: ["VisnykKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "VisnykKit",
            dependencies: [
                "CCurl",
                "CLibXML2",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            // The bundled digest templates are compiled into the binary (PackageResources), so
            // `make install` ships one file and no resource bundle has to be found at run time.
            resources: [
                .embedInCode("Digest/Templates/digest.html.mustache"),
                .embedInCode("Digest/Templates/digest.txt.mustache"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "visnyk",
            dependencies: [
                "VisnykKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)],
            // Release builds (`make install`, .ci/run, bench/parse) link the Swift runtime and
            // Foundation in: calls into the runtime are direct and start-up resolves far fewer
            // symbols (parse benchmark: 5% less CPU), and the binary needs no toolchain libraries.
            // Foundation's own static libraries are named because VisnykKit is compiled against
            // the shared modules; lld (shipped with the toolchain) resolves them in any order.
            linkerSettings: [
                .unsafeFlags([
                    "-static-stdlib", "-use-ld=lld",
                    "-Xlinker", "-l_FoundationICU", "-Xlinker", "-l_FoundationCollections",
                    "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-lCoreFoundation",
                ], .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        .testTarget(
            name: "VisnykKitTests",
            dependencies: ["VisnykKit"],
            exclude: ["Fixtures", "Support/Servers"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)

// libFuzzer targets (Fuzz/, run by scripts/fuzz): they exist only when VISNYK_FUZZ=1, so the
// normal build and CI never compile them; scripts/fuzz builds them in .build-fuzz with
// -sanitize=fuzzer,address, which every module of that build is instrumented with.
if Context.environment["VISNYK_FUZZ"] == "1" {
    package.targets += [
        .target(name: "CFuzzerDriver", path: "Fuzz/Sources/CFuzzerDriver"),
        .executableTarget(
            name: "VisnykFuzz",
            dependencies: ["VisnykKit", "CFuzzerDriver"],
            path: "Fuzz/Sources/VisnykFuzz",
            swiftSettings: [.swiftLanguageMode(.v6)],
            // gold fails on this link with an internal error in its DWARF reader; lld does not.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ),
    ]
}

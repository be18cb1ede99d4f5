// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Reprint",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Reprint", targets: ["Reprint"]),
        .library(name: "ReprintStore", targets: ["ReprintStore"]),
        .library(name: "ReprintServer", targets: ["ReprintServer"]),
        .executable(name: "reprint", targets: ["reprint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "CReprintSupport"),
        .target(name: "Reprint", dependencies: ["CReprintSupport"]),
        .target(
            name: "ReprintStore",
            dependencies: [
                "Reprint",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ReprintServer",
            dependencies: [
                "Reprint",
                "ReprintStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "reprint",
            dependencies: [
                "Reprint",
                "ReprintStore",
                "ReprintServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ReprintTests", dependencies: ["Reprint"]),
        .testTarget(
            name: "ReprintStoreTests",
            dependencies: ["ReprintStore", "Reprint", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "ReprintServerTests",
            dependencies: [
                "ReprintServer",
                "ReprintStore",
                "Reprint",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Reprint",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Reprint", targets: ["Reprint"]),
        .library(name: "ReprintStore", targets: ["ReprintStore"]),
        .executable(name: "reprint", targets: ["reprint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "Reprint"),
        .target(
            name: "ReprintStore",
            dependencies: [
                "Reprint",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "reprint",
            dependencies: [
                "Reprint",
                "ReprintStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ReprintTests", dependencies: ["Reprint"]),
        .testTarget(
            name: "ReprintStoreTests",
            dependencies: ["ReprintStore", "Reprint", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

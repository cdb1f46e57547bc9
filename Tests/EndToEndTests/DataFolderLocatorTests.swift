@testable import eduioc
import Foundation
import ProcessSupport
import TestSupport
import Testing

/// Where the command line finds the folders that ship beside the code (`SampleData/`, `Themes/`).
@Suite("Data folder locator")
struct DataFolderLocatorTests {
    @Test func locatorPrefersExplicitThenEnvironmentThenSearchesUpwards() throws {
        let root = try SampleFixtures.makeTemporaryDirectory()
        let data = root.appendingPathComponent("SampleData")
        try FileManager.default.copyItem(at: SampleFixtures.sampleDataDirectory, to: data)
        let binary = root.appendingPathComponent(".build/release/eduioc")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        let elsewhere = URL(fileURLWithPath: "/", isDirectory: true)

        let explicit = DataFolderLocator(explicitDirectory: data, environment: [:], executableURL: nil, currentDirectory: elsewhere)
        #expect(try explicit.locate().standardizedFileURL.path == data.standardizedFileURL.path)
        let fromEnvironment = DataFolderLocator(explicitDirectory: nil, environment: [DataFolderLocator.Folder.sampleData.environmentKey: data.path],
                                                executableURL: nil, currentDirectory: elsewhere)
        #expect(try fromEnvironment.locate().standardizedFileURL.path == data.standardizedFileURL.path)
        let fromBinary = DataFolderLocator(explicitDirectory: nil, environment: [:], executableURL: binary, currentDirectory: elsewhere)
        #expect(try fromBinary.locate().standardizedFileURL.path == data.standardizedFileURL.path)

        let wrongExplicit = DataFolderLocator(explicitDirectory: root.appendingPathComponent("nothing"), environment: [:],
                                              executableURL: binary, currentDirectory: elsewhere)
        #expect(throws: CLIError.self) { _ = try wrongExplicit.locate() }
        do {
            _ = try wrongExplicit.locate()
        } catch {
            #expect("\(error)".contains("nothing") && "\(error)".contains("--sample-data"), "names where it looked and the option")
        }
    }

    @Test func theThemesFolderIsFoundBesideTheBinary() throws {
        let root = try SampleFixtures.makeTemporaryDirectory()
        let themes = root.appendingPathComponent("Themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: themes.appendingPathComponent("default.yaml").path, contents: Data("x".utf8)))
        let binary = root.appendingPathComponent(".build/debug/eduioc")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        let locator = DataFolderLocator(.themes, explicitDirectory: nil, environment: [:], executableURL: binary,
                                        currentDirectory: URL(fileURLWithPath: "/", isDirectory: true))
        #expect(try locator.locate().standardizedFileURL.path == themes.standardizedFileURL.path)
    }
}

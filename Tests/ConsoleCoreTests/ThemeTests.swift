import Foundation
import Testing
@testable import ConsoleCore

@Suite struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes").path

    @Test func catalogListsShippedThemesDefaultFirst() {
        let catalog = ThemeCatalog(directory: Self.themesDirectory)
        #expect(catalog.names == ["default", "accessible", "light", "mono"])
        #expect(catalog.next(after: "default") == "accessible")
        #expect(catalog.next(after: "mono") == "default")
        #expect(catalog.next(after: "nope") == "default")
        #expect(ThemeCatalog(directory: "/nonexistent").names.isEmpty)
    }

    @Test(arguments: ["default", "light", "accessible", "mono"])
    func shippedThemesLoadAndCoverEveryRole(name: String) throws {
        let theme = try ThemeCatalog(directory: Self.themesDirectory).load(name)
        #expect(theme.name == name)
        #expect(Set(theme.roles.keys) == Set(StyleRole.allCases))
        // Without colour, the alert roles stay distinguishable from normal text and from each other.
        let mono = [StyleRole.normal, .ok, .warn, .crit, .selected].map { theme.resolve($0, depth: .none).attributes }
        #expect(mono[2] != mono[0] && mono[3] != mono[0] && mono[4] != mono[0])
        #expect(mono[2] != mono[3])
        for role in StyleRole.allCases {
            let none = theme.resolve(role, depth: .none)
            #expect(none.foreground == nil && none.background == nil)
            let sixteen = theme.resolve(role, depth: .sixteen)
            #expect((sixteen.foreground ?? 0) < 16 && (sixteen.background ?? 0) < 16)
        }
    }

    @Test func resolutionByDepth() throws {
        let theme = try ThemeLoader.load(path: Self.themesDirectory + "/accessible.yaml")
        #expect(theme.resolve(.crit, depth: .full256) == ResolvedStyle(foreground: 166, attributes: [.bold, .reverse]))
        #expect(theme.resolve(.crit, depth: .sixteen) == ResolvedStyle(foreground: AnsiColor.red.index, attributes: [.bold, .reverse]))
        #expect(theme.resolve(.crit, depth: .none) == ResolvedStyle(attributes: [.bold, .reverse]))
        #expect(theme.resolve(.ok, depth: .full256).foreground == 32)
        #expect(theme.resolve(.warn, depth: .full256).foreground == 214)
        #expect(theme.resolve(CellStyle(.normal, bold: true, underline: true), depth: .none).attributes == [.bold, .underline])
        #expect(theme.resolve(.crit, depth: .full256).description == "fg=166 bg=default bold,reverse")
    }

    @Test func builtinThemeNeedsNoFile() {
        let theme = Theme(name: "default")
        #expect(theme.name == "default")
        #expect(theme.resolve(.crit, depth: .none).attributes == [.bold, .reverse])
        #expect(theme.resolve(.crit, depth: .sixteen).foreground == AnsiColor.red.index)
    }

    func error(_ yaml: String) -> String {
        do {
            _ = try ThemeLoader.parse(yaml, name: "light", source: "Themes/light.yaml")
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    static let allRoles = StyleRole.allCases.map { "  \($0.rawValue): {}" }.joined(separator: "\n")

    @Test func unknownPaletteColourNamesFileAndKeyPath() {
        let yaml = "palette:\n  orange: { c256: 208, c16: yellow }\nroles:\n" + Self.allRoles.replacingOccurrences(of: "  warn: {}", with: "  warn: { fg: orang }")
        #expect(error(yaml) == "Themes/light.yaml: roles.warn.fg: unknown palette colour 'orang'")
    }

    @Test func validationErrors() {
        #expect(error("roles:\n  normal: {}") == "Themes/light.yaml: roles: missing role(s): " + StyleRole.allCases.dropFirst().map(\.rawValue).joined(separator: ", "))
        #expect(error("palette: {}\n") == "Themes/light.yaml: roles: missing (every role must be styled)")
        #expect(error("roles:\n" + Self.allRoles + "\n  critt: {}").hasPrefix("Themes/light.yaml: roles.critt: unknown role"))
        #expect(error("palette:\n  x: { c256: 300 }\nroles:\n" + Self.allRoles) == "Themes/light.yaml: palette.x.c256: expected a colour index 0-255, got '300'")
        #expect(error("palette:\n  x: { c16: orange }\nroles:\n" + Self.allRoles).hasPrefix("Themes/light.yaml: palette.x.c16: unknown colour 'orange'"))
        #expect(error("palette:\n  x: { c16: none }\nroles:\n" + Self.allRoles) == "no error")
        #expect(error("roles:\n" + Self.allRoles.replacingOccurrences(of: "  ok: {}", with: "  ok: { bold: yes please }")) == "Themes/light.yaml: roles.ok.bold: expected true or false")
        #expect(error("roles:\n" + Self.allRoles.replacingOccurrences(of: "  ok: {}", with: "  ok: { mono: [blink] }")).hasPrefix("Themes/light.yaml: roles.ok.mono: unknown attribute 'blink'"))
        #expect(error("colours: {}\nroles:\n" + Self.allRoles).hasPrefix("Themes/light.yaml: colours: unknown key"))
        #expect(error("roles: [\n").hasPrefix("Themes/light.yaml: not valid YAML"))
        #expect(error("name: dark\nroles:\n" + Self.allRoles) == "Themes/light.yaml: name: 'dark' does not match the file name 'light'")
        #expect(error("roles:\n" + Self.allRoles.replacingOccurrences(of: "  ok: {}", with: "  ok: { fg: default, bg: default }")) == "no error")
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: ThemeError(file: "/nonexistent/x.yaml", keyPath: "", message: "cannot read the file")) {
            try ThemeLoader.load(path: "/nonexistent/x.yaml")
        }
    }
}

/// Issue 14: themes get the same YAML limits as the access file.
@Suite struct ThemeYAMLLimitTests {
    @Test func anchorsInAThemeAreRefused() throws {
        let yaml = """
            palette:
              text: &t { c256: 252, c16: white }
              other: *t
            roles: {}
            """
        #expect(throws: ThemeError(file: "x.yaml", keyPath: "",
                                   message: "uses YAML anchors or aliases (& or *), which are not accepted")) {
            try ThemeLoader.parse(yaml, name: "x", source: "x.yaml")
        }
    }
}

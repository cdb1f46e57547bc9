import Foundation
import SafeYAML
import Yams

/// Reads and validates theme files (YAML, like k9s skins).
///
/// ```yaml
/// description: Dark theme
/// palette:
///   text:   { c256: 252, c16: white }
///   orange: { c256: 208, c16: yellow }
///   panel:  { c256: 236, c16: none }      # none: default colour at 16 colours
/// roles:
///   normal: { fg: text }
///   crit:   { fg: orange, bold: true, mono: [bold, reverse] }
/// ```
/// `default` is a reserved colour name: the terminal's own colour. Every `StyleRole` must appear under
/// `roles` (a missing role is an error, so no theme silently loses the meaning of crit or warn); unknown
/// keys, roles, colours and attributes are errors naming the file and key path.
public enum ThemeLoader {
    /// Loads the theme at `path`; its name is the file name without `.yaml`.
    public static func load(path: String) throws -> Theme {
        let text: String
        do {
            text = try SafeYAML.read(path: path)
        } catch let refusal as SafeYAML.Refusal {
            throw ThemeError(file: path, keyPath: "", message: refusal.description)
        } catch {
            throw ThemeError(file: path, keyPath: "", message: "cannot read the file")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try parse(text, name: name, source: path)
    }

    /// Parses theme YAML; `source` names the file in errors.
    public static func parse(_ yaml: String, name: String, source: String) throws -> Theme {
        let root: Any?
        do {
            root = try SafeYAML.load(yaml)
        } catch {
            throw ThemeError(file: source, keyPath: "", message: error.description)
        }
        func fail(_ path: String, _ message: String) -> ThemeError { ThemeError(file: source, keyPath: path, message: message) }
        guard let top = root as? [String: Any] else { throw fail("", "expected a mapping with 'palette' and 'roles'") }
        for key in top.keys.sorted() where !["name", "description", "palette", "roles"].contains(key) {
            throw fail(key, "unknown key (expected name, description, palette, roles)")
        }
        if let declared = top["name"], String(describing: declared) != name {
            throw fail("name", "'\(declared)' does not match the file name '\(name)'")
        }
        let description = top["description"].map { String(describing: $0) } ?? ""
        let palette = try parsePalette(top["palette"], fail: fail)
        let roles = try parseRoles(top["roles"], palette: palette, fail: fail)
        return Theme(name: name, description: description, palette: palette, roles: roles)
    }

    /// `palette:`: colour names to a 256-colour index and/or an ANSI colour.
    private static func parsePalette(_ rawPalette: Any?,
                                     fail: (String, String) -> ThemeError) throws -> [String: Theme.PaletteColor] {
        var palette: [String: Theme.PaletteColor] = [:]
        if let rawPalette {
            guard let entries = rawPalette as? [String: Any] else { throw fail("palette", "expected a mapping of colour names") }
            for colourName in entries.keys.sorted() {
                let path = "palette.\(colourName)"
                if colourName == "default" { throw fail(path, "'default' is reserved for the terminal's default colour") }
                guard let entry = entries[colourName] as? [String: Any] else { throw fail(path, "expected { c256: N, c16: NAME }") }
                for key in entry.keys.sorted() where key != "c256" && key != "c16" {
                    throw fail("\(path).\(key)", "unknown key (expected c256, c16)")
                }
                var index256: Int?
                if let raw = entry["c256"] {
                    guard let n = raw as? Int, (0...255).contains(n) else { throw fail("\(path).c256", "expected a colour index 0-255, got '\(raw)'") }
                    index256 = n
                }
                var ansi: AnsiColor?
                var sawNone = false
                if let raw = entry["c16"] {
                    let text = String(describing: raw)
                    if text == "none" {
                        sawNone = true
                    } else if let colour = AnsiColor(rawValue: text) {
                        ansi = colour
                    } else {
                        throw fail("\(path).c16", "unknown colour '\(text)' (expected none or one of \(AnsiColor.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                }
                if index256 == nil && ansi == nil && !sawNone { throw fail(path, "needs c256 and/or c16") }
                palette[colourName] = Theme.PaletteColor(index256: index256, ansi: ansi)
            }
        }
        return palette
    }

    /// `roles:`: every `StyleRole` styled from palette colours and attributes.
    private static func parseRoles(_ rawRoles: Any?, palette: [String: Theme.PaletteColor],
                                   fail: (String, String) -> ThemeError) throws -> [StyleRole: Theme.RoleStyle] {
        guard let rawRoles else { throw fail("roles", "missing (every role must be styled)") }
        guard let roleEntries = rawRoles as? [String: Any] else { throw fail("roles", "expected a mapping of role names") }
        var roles: [StyleRole: Theme.RoleStyle] = [:]
        for roleName in roleEntries.keys.sorted() {
            let path = "roles.\(roleName)"
            guard let role = StyleRole(rawValue: roleName) else {
                throw fail(path, "unknown role (expected one of \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let entry = roleEntries[roleName] as? [String: Any] else { throw fail(path, "expected { fg: COLOUR, bold: true, … }") }
            var style = Theme.RoleStyle()
            for key in entry.keys.sorted() {
                let value = entry[key] ?? ""
                switch key {
                case "fg", "bg":
                    let colour = String(describing: value)
                    guard colour == "default" || palette[colour] != nil else {
                        throw fail("\(path).\(key)", "unknown palette colour '\(colour)'")
                    }
                    let resolved: String? = colour == "default" ? nil : colour
                    if key == "fg" { style.foreground = resolved } else { style.background = resolved }
                case "mono":
                    let list: [Any]
                    if let l = value as? [Any] { list = l } else { throw fail("\(path).mono", "expected a list of attributes, e.g. [bold, reverse]") }
                    var attrs: TextAttributes = []
                    for item in list {
                        guard let a = TextAttributes.names.first(where: { $0.0 == String(describing: item) }) else {
                            throw fail("\(path).mono", "unknown attribute '\(item)' (expected bold, underline, reverse, dim)")
                        }
                        attrs.insert(a.1)
                    }
                    style.monochrome = attrs
                default:
                    guard let attribute = TextAttributes.names.first(where: { $0.0 == key }) else {
                        throw fail("\(path).\(key)", "unknown key (expected fg, bg, bold, underline, reverse, dim, mono)")
                    }
                    guard let flag = value as? Bool else { throw fail("\(path).\(key)", "expected true or false") }
                    if flag { style.attributes.insert(attribute.1) }
                }
            }
            roles[role] = style
        }
        let missing = StyleRole.allCases.filter { roles[$0] == nil }
        if !missing.isEmpty {
            throw fail("roles", "missing role(s): \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        return roles
    }
}

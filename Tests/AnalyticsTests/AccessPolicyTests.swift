import Analytics
import Foundation
import Testing

/// The access file: parsing, validation errors naming the file and key, and how accounts and groups resolve.
@Suite struct AccessPolicyTests {
    let yaml = """
        export_dir: /srv/exports/{user}
        users:
          lan:
            scope: province
          hoa:
            units: [X01]
            schools: [S07]
            export_dir: /srv/hoa
          minh:
            units: [X05]
        groups:
          leaders:
            scope: province
            export_dir: /srv/leaders
          thanhha:
            units: [X02]
          hanam:
            units: [X03]
            export_dir: /srv/hanam
        """

    @Test func userEntryWinsOverGroups() throws {
        let policy = try AccessPolicy.parse(yaml: yaml, file: "access.yaml")
        let hoa = try policy.grant(user: "hoa", groups: ["leaders"])
        #expect(hoa.scope == Scope(unitCodes: ["X01"], schoolCodes: ["S07"]))
        #expect(hoa.exportDirectory == "/srv/hoa")
        #expect(hoa.matchedBy == ["user hoa"])
        let lan = try policy.grant(user: "lan", groups: [])
        #expect(lan.scope == nil, "scope: province is the whole province")
        #expect(lan.exportDirectory == "/srv/exports/lan", "the top-level default with {user} replaced")
    }

    @Test func groupsCombineAndProvinceWins() throws {
        let policy = try AccessPolicy.parse(yaml: yaml, file: "access.yaml")
        let both = try policy.grant(user: "an", groups: ["an", "thanhha", "hanam"])
        #expect(both.scope == Scope(unitCodes: ["X02", "X03"]))
        #expect(both.exportDirectory == "/srv/hanam", "the first matching group naming a directory")
        #expect(both.matchedBy == ["group thanhha", "group hanam"])
        let leader = try policy.grant(user: "binh", groups: ["thanhha", "leaders"])
        #expect(leader.scope == nil)
        #expect(leader.exportDirectory == "/srv/leaders")
        let plain = try policy.grant(user: "chi", groups: ["thanhha"])
        #expect(plain.exportDirectory == "/srv/exports/chi")
    }

    @Test func noEntryIsRefusedNamingTheFile() throws {
        let policy = try AccessPolicy.parse(yaml: yaml, file: "/etc/eduioc/access.yaml")
        #expect(throws: AccessPolicyError.noEntry(file: "/etc/eduioc/access.yaml", user: "eve")) {
            try policy.grant(user: "eve", groups: ["eve", "users"])
        }
        let message = AccessPolicyError.noEntry(file: "/etc/eduioc/access.yaml", user: "eve").description
        #expect(message.contains("\"eve\"") && message.contains("/etc/eduioc/access.yaml") && message.contains("refused"))
    }

    @Test func withoutExportDirectoryExportIsNotAllowed() throws {
        let policy = try AccessPolicy.parse(yaml: "users:\n  hoa:\n    units: [X01]\n", file: "a.yaml")
        #expect(try policy.grant(user: "hoa", groups: []).exportDirectory == nil)
    }

    @Test(arguments: [
        ("users: [hoa]", "users", "mapping"),
        ("users:\n  hoa:\n    unitz: [X01]", "users.hoa.unitz", "unknown key"),
        ("users:\n  hoa: {}", "users.hoa", "grants nothing"),
        ("users:\n  hoa:\n    units: X01", "users.hoa.units", "list of codes"),
        ("users:\n  hoa:\n    units: ['']", "users.hoa.units", "non-empty"),
        ("users:\n  hoa:\n    scope: district", "users.hoa.scope", "province"),
        ("users:\n  hoa:\n    scope: province\n    units: [X01]", "users.hoa", "cannot be combined"),
        ("groups:\n  g:\n    units: [X01]\n    export_dir: exports", "groups.g.export_dir", "absolute"),
        ("export_dir: /srv/../etc\nusers:\n  hoa:\n    units: [X01]", "export_dir", "absolute"),
        ("user:\n  hoa:\n    units: [X01]", "user", "unknown key"),
        ("users:\n", "", "no users and no groups"),
        ("users: [unclosed", "", "not valid YAML"),
    ])
    func invalidFilesNameTheFileAndKey(text: String, key: String, words: String) {
        do {
            _ = try AccessPolicy.parse(yaml: text, file: "/etc/eduioc/access.yaml")
            Issue.record("accepted: \(text)")
        } catch let error as AccessPolicyError {
            let message = error.description
            #expect(message.hasPrefix("access file /etc/eduioc/access.yaml: "), "\(message)")
            if !key.isEmpty { #expect(message.contains(": \(key): "), "\(message)") }
            #expect(message.contains(words), "\(message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func loadNamesAMissingFile() {
        #expect(throws: AccessPolicyError.unreadable(file: "/nonexistent/access.yaml", reason: "does not exist")) {
            try AccessPolicy.load(path: "/nonexistent/access.yaml")
        }
    }

    @Test func userNamesCannotEscapeTheExportDirectory() throws {
        let policy = try AccessPolicy.parse(yaml: "export_dir: /srv/{user}\ngroups:\n  g:\n    units: [X01]\n", file: "a")
        #expect(try policy.grant(user: "..", groups: ["g"]).exportDirectory == nil)
        #expect(try policy.grant(user: "ok", groups: ["g"]).exportDirectory == "/srv/ok")
    }
}

extension AccessPolicyTests {
    @Test func numericCodesAreTextCodes() throws {
        let policy = try AccessPolicy.parse(yaml: "users:\n  hoa:\n    units: [10507, '10510']\n    schools: [0042]\n", file: "a")
        #expect(try policy.grant(user: "hoa", groups: []).scope == Scope(unitCodes: ["10507", "10510"], schoolCodes: ["0042"]))
    }
}

extension AccessPolicyTests {
    @Test func documentedExampleIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("docs/access.example.yaml").path
        let policy = try AccessPolicy.load(path: path)
        let hoa = try policy.grant(user: "hoa.tran", groups: ["eduioc-leaders"])
        #expect(hoa.scope == Scope(unitCodes: ["10507"], schoolCodes: ["HD-THCS-0042"]))
        #expect(hoa.exportDirectory == "/srv/eduioc/exports/thanhha")
        let officer = try policy.grant(user: "binh.le", groups: ["binh.le", "eduioc-nguyentrai"])
        #expect(officer.scope == Scope(unitCodes: ["10510"]))
        #expect(officer.exportDirectory == "/srv/eduioc/exports/binh.le")
    }
}

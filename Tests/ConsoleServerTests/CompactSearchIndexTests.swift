import Analytics
import ConsoleApp
@testable import ConsoleWire
@testable import ConsoleServer
import Foundation
import ReportModel
import Testing
import TestSupport

/// The compact search index (protocol 2): on a generated sample its paths are the tree's (sqlite3), search answers
/// as the entry-by-entry search did, it survives the wire, and a console gets it again only when it changed.
@Suite("Compact search index", .serialized)
struct CompactSearchIndexTests {
    @Test func pathsAreTheTreeBySQLite3AndEveryNodeIsStoredOnce() throws {
        let rig = try ServerRig()
        defer { rig.server.stop() }
        let index = try rig.inProcess(scope: nil).searchIndex()
        #expect(index.count > 100 && index.rootCount == 1, "one ancestor that is no entry: the province")
        #expect(index.nodes.count == index.count + index.rootCount, "each node once, no copies in paths")
        let expected = try Self.expectedPaths(rig.snapshot.path)
        var checked = 0
        for position in 0..<index.count {
            let entry = index.entry(at: position)
            let key = entry.node.level == .class ? String(entry.node.code.split(separator: "/")[0]) : entry.node.code
            guard var path = expected[key] else { Issue.record("\(entry.node.code) not in sqlite3's tree"); continue }
            if entry.node.level == .class { path.append(key) }  // a class: its school's path and the school
            #expect(index.path(of: position).map(\.code) == path, "\(entry.node.code)")
            #expect(entry.path == index.path(of: position))
            checked += 1
        }
        #expect(checked == index.count)
        // Compacting the whole-path entries again gives the same index.
        #expect(SearchIndex(entries: index.entries).entries == index.entries)
    }

    @Test func searchAndTheWireGiveWhatTheEntryByEntrySearchGave() throws {
        let rig = try ServerRig()
        defer { rig.server.stop() }
        let index = try rig.inProcess(scope: nil).searchIndex()
        let bytes = try JSONEncoder().encode(WireSearchIndex(index))
        let arrived = try #require(try WireProtocol.decode(WireSearchIndex.self, from: Array(bytes)).index)
        #expect(arrived.entries == index.entries, "the wire round trip keeps every node, path and key")
        let entries = index.entries
        let school = try #require(entries.first { $0.node.level == .school })
        let queries = [school.node.name, String(school.node.name.prefix(6)), school.node.code, "truong", "lop 1", "a", "10",
                       school.foldedName.split(separator: " ").last.map(String.init) ?? "x", "no such place"]
        for query in queries {
            for levels in [nil, Set([NodeLevel.class]), Set([NodeLevel.unit, .school])] as [Set<NodeLevel>?] {
                let reference = Self.reference(entries, query, levels: levels, limit: 50)
                #expect(index.search(query, levels: levels, limit: 50) == reference, "\(query)")
                #expect(arrived.search(query, levels: levels, limit: 50) == reference, "\(query), after the wire")
            }
        }
        #expect(index.entry(code: school.node.code) == school)
    }

    @Test func pathsThatDisagreeWithTheirParentsAreKeptAsGiven() {
        let province = NodeRef(level: .province, code: "P", name: "Tỉnh")
        let unit = NodeRef(level: .unit, code: "U", name: "Xã Đông", detail: "commune")
        let school = NodeRef(level: .school, code: "S", name: "Trường Hoa Sen")
        let entries = [SearchEntry(node: unit, path: [province]), SearchEntry(node: school, path: [unit]),
                       SearchEntry(node: NodeRef(level: .class, code: "S/1A", name: "1A"), path: [province, unit, school])]
        let index = SearchIndex(entries: entries)
        #expect(index.entries == entries)
        #expect(index.path(of: 1) == [unit], "not [province, unit]: the path it came with")
    }

    @Test func malformedParentsAreRefused() {
        let node = NodeRef(level: .unit, code: "U", name: "U")
        #expect(SearchIndex(nodes: [node, node], parents: [1, 0], rootCount: 0) == nil, "a cycle")
        #expect(SearchIndex(nodes: [node], parents: [0], rootCount: 0) == nil, "its own parent")
        #expect(SearchIndex(nodes: [node], parents: [3], rootCount: 0) == nil, "out of range")
        #expect(SearchIndex(nodes: [node], parents: [-1], rootCount: 2) == nil, "more roots than nodes")
        #expect(SearchIndex(nodes: [node], parents: [-1, -1], rootCount: 0) == nil, "a parent list of another length")
        let chain = { (count: Int) in (0..<count).map { Int32($0 - 1) } }
        let deepest = SearchIndex.maxDepth
        #expect(SearchIndex(nodes: Array(repeating: node, count: deepest), parents: chain(deepest), rootCount: 0) != nil)
        #expect(SearchIndex(nodes: Array(repeating: node, count: deepest + 1), parents: chain(deepest + 1), rootCount: 0) == nil,
                "deeper than the bound")
    }

    @Test func theIndexTravelsAgainOnlyWhenItChanged() throws {
        let rig = try ServerRig()
        let client = try RemoteDataSource(socketPath: rig.socketPath)
        defer { client.close(); rig.server.stop() }
        _ = try client.report(for: nil, asOf: Date())
        let first = try client.searchIndex()
        var bytes = client.bytesReceived
        #expect(try client.searchIndex().entries == first.entries)
        #expect(client.bytesReceived - bytes < 200, "unchanged: a short answer, no index")

        // A commit that leaves the tree alone: the index is not sent again.
        try SQLiteCLI.execute(rig.snapshot.path, script: "UPDATE devices SET status = 'broken' WHERE status = 'working';")
        #expect(ServerRig.eventually { client.pollForChange() == .changed }, "the change was pushed")
        bytes = client.bytesReceived
        #expect(try client.searchIndex().entries == first.entries)
        #expect(client.bytesReceived - bytes < 200)

        // A renamed school: the new index arrives, with the new name.
        let code = try #require(first.entries.first { $0.node.level == .school }?.node.code)
        try SQLiteCLI.execute(rig.snapshot.path, script: "UPDATE schools SET name = 'Trường Đổi Tên' WHERE code = '\(code)';")
        #expect(ServerRig.eventually { client.pollForChange() == .changed }, "the rename was pushed")
        bytes = client.bytesReceived
        let renamed = try client.searchIndex()
        #expect(client.bytesReceived - bytes > 1000, "the whole index again")
        #expect(renamed.entry(code: code)?.node.name == "Trường Đổi Tên")
        #expect(renamed.search("doi ten", levels: [.school]).map(\.node.code) == [code])
    }

    /// Each unit's and active school's ancestors' codes, province first, by sqlite3.
    private static func expectedPaths(_ file: String) throws -> [String: [String]] {
        let units = try SQLiteCLI.rows(file, """
            WITH RECURSIVE up(start, unit, depth) AS (
                SELECT code, parent_id, 0 FROM admin_units WHERE parent_id IS NOT NULL
                UNION ALL SELECT up.start, a.parent_id, up.depth + 1 FROM up JOIN admin_units a ON a.id = up.unit
                WHERE a.parent_id IS NOT NULL)
            SELECT up.start, up.depth, a.code FROM up JOIN admin_units a ON a.id = up.unit
            """)
        let schools = try SQLiteCLI.rows(file, """
            WITH RECURSIVE up(start, unit, depth) AS (
                SELECT code, unit_id, 0 FROM schools WHERE status = 'active'
                UNION ALL SELECT up.start, a.parent_id, up.depth + 1 FROM up JOIN admin_units a ON a.id = up.unit
                WHERE a.parent_id IS NOT NULL)
            SELECT up.start, up.depth, a.code FROM up JOIN admin_units a ON a.id = up.unit
            """)
        var chains: [String: [(depth: Int, code: String)]] = [:]
        for row in units + schools { chains[row[0], default: []].append((Int(row[1]) ?? 0, row[2])) }
        return chains.mapValues { $0.sorted { $0.depth > $1.depth }.map(\.code) }
    }

    /// The search as it was before the compact index: rank each entry, then rank, level, folded name, code.
    private static func reference(_ entries: [SearchEntry], _ query: String, levels: Set<NodeLevel>?, limit: Int) -> [SearchEntry] {
        let folded = SearchKey.fold(query)
        guard !folded.isEmpty else { return [] }
        let order: [NodeLevel: Int] = [.province: 0, .unit: 1, .school: 2, .class: 3]
        let hits = entries.compactMap { entry -> (SearchIndex.Rank, SearchEntry)? in
            if let levels, !levels.contains(entry.node.level) { return nil }
            return SearchIndex.rank(entry, folded: folded).map { ($0, entry) }
        }
        return hits.sorted { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if order[a.1.node.level] != order[b.1.node.level] { return order[a.1.node.level] ?? 0 < order[b.1.node.level] ?? 0 }
            if a.1.foldedName != b.1.foldedName { return a.1.foldedName < b.1.foldedName }
            return a.1.node.code < b.1.node.code
        }.prefix(limit).map(\.1)
    }
}

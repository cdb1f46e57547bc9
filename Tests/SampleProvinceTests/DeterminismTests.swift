import Foundation
import Testing
import TestSupport

/// Same seed and options give the same content; another seed gives other content.
@Suite("Determinism")
struct DeterminismTests {
    /// SHA3-256 of every table's content, computed by the sqlite3 CLI (independent of the generator).
    private func contentDigest(_ database: URL) throws -> String {
        try SQLiteShell.value(database, ".sha3sum --sha3-256")
    }

    /// SHA3-256 of one table's rows in primary-key order.
    private func tableDigest(_ database: URL, _ table: String, orderBy: String) throws -> String {
        try SQLiteShell.value(database, "SELECT hex(sha3_query('SELECT * FROM \(table) ORDER BY \(orderBy)'));")
    }

    @Test func sameSeedGivesSameContentAndAnotherSeedDoesNot() throws {
        let first = try SampleFixtures.freshSnapshot(schools: 14, seed: 5, historyDays: 3)
        let second = try SampleFixtures.freshSnapshot(schools: 14, seed: 5, historyDays: 3)
        let other = try SampleFixtures.freshSnapshot(schools: 14, seed: 6, historyDays: 3)
        let firstDigest = try contentDigest(first)
        #expect(firstDigest.count == 64)
        #expect(firstDigest == (try contentDigest(second)))
        #expect(firstDigest != (try contentDigest(other)))
        for (table, order) in [("attendance", "day, student_id"), ("students", "id"), ("connectivity_probes", "school_id, measured_at")] {
            let digest = try tableDigest(first, table, orderBy: order)
            #expect(digest == (try tableDigest(second, table, orderBy: order)))
            #expect(digest != (try tableDigest(other, table, orderBy: order)), "\(table) should differ between seeds")
        }
    }

    @Test func anotherNowChangesPublishedAtAndProbes() throws {
        let first = try SampleFixtures.freshSnapshot(schools: 12, seed: 5, historyDays: 2)
        let later = try SampleFixtures.freshSnapshot(schools: 12, seed: 5, now: SampleFixtures.mondayMorning.addingTimeInterval(600),
                                                     historyDays: 2)
        #expect(try contentDigest(first) != (try contentDigest(later)))
        #expect(try SQLiteShell.value(later, "SELECT value FROM meta WHERE key = 'published_at';") == "2026-11-23T02:40:00Z")
    }
}

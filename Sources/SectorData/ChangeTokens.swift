import GRDB

/// The snapshot's change tokens: an optional part of schema v1 that tells a reader which tables changed.
///
/// The table `change_tokens(table_name, token)` holds one row per tracked table. Triggers that ship inside the
/// snapshot set a table's token to a fresh `random()` on every insert, update or delete of that table, so the
/// writer cannot forget: the replicator's own SQL fires them, and a page-level copy of a primary carries both the
/// triggers and their effects. A reader that saw the same token before has already seen that table's content
/// (with overwhelming probability), whichever file or process it saw it in: a copy, a restore or a rename keeps
/// token and content together, and an unrelated file starts from unrelated tokens.
///
/// The `lineage` row is never changed by a trigger: it names the database across copies and publications.
/// Devices count only changes of `school_id`, `kind` and `status`. Attendance inserts and corrections carry
/// `recorded_at`, and readers read them by that stamp; tokens move only for what that would miss:
/// `past_attendance` for a write to a day older than the newest day with attendance (so a reader need not look
/// at every past day each refresh), `late_attendance` for a write stamped before its day's newest row,
/// `attendance_deletions` for a deletion or a row moved to another day or student. Probes are read as they
/// arrive, by `measured_at`: only what that would miss moves `probe_rewrites` — a probe rewritten, deleted, or
/// arriving more than `lateSlackMinutes` behind the newest. Heartbeats are read by `last_seen_at`:
/// `late_heartbeats` moves for one written behind the newest heartbeat of any device, or cleared.
/// Without the table or any of its triggers, readers re-read every table on every refresh (correct, slower).
public struct ChangeTokens: Sendable, Equatable, Hashable {
    /// Token per tracked name (`students`, …, `attendance_deletions`).
    public let values: [String: Int64]

    /// Creates tokens from their values (tests and the cache file).
    public init(values: [String: Int64]) {
        self.values = values
    }

    /// The token of a tracked table; nil when it is not tracked.
    public subscript(table: String) -> Int64? { values[table] }

    /// The table holding the tokens.
    public static let tableName = "change_tokens"

    /// Tables whose every insert, update and delete changes their token.
    public static let wholeTables = ["admin_units", "schools", "classes", "students", "teachers", "school_days",
                                     "intake_plans"]
    /// `devices`: inserts, deletes and changes of these columns change its token.
    public static let deviceColumns = ["school_id", "kind", "status"]
    /// The name tracking deletions of attendance rows.
    public static let attendanceDeletions = "attendance_deletions"
    /// The name tracking writes (inserts, updates) of attendance rows of a day older than the newest day with
    /// attendance: late entries and corrections of past days.
    public static let pastAttendance = "past_attendance"
    /// The name tracking attendance writes stamped before the newest `recorded_at` of their day (out of order):
    /// while it stands, every row written since a reader's last look is stamped at or after what it saw.
    public static let lateAttendance = "late_attendance"
    /// The name tracking what reading new probes by `measured_at` would miss: rewrites, deletions, late arrivals.
    public static let probeRewrites = "probe_rewrites"
    /// How far behind the newest probe a probe may arrive without moving `probe_rewrites`. Readers re-read at
    /// least this far back (the console: `LiveCaches.lagMargin`, 15 minutes).
    public static let lateSlackMinutes = 10
    /// The name tracking what reading heartbeats by `last_seen_at` would miss: a device's `last_seen_at` set behind
    /// the newest heartbeat of any device (out of order, or moved back) or cleared.
    public static let lateHeartbeats = "late_heartbeats"
    /// A token no trigger changes: set once when the database is created and kept by every copy, it tells a
    /// later publication of the same database from an unrelated file.
    public static let lineage = "lineage"

    /// Every name with a row, in a fixed order.
    public static var trackedNames: [String] {
        wholeTables + ["devices", attendanceDeletions, pastAttendance, lateAttendance, probeRewrites, lateHeartbeats,
                       lineage]
    }

    /// The statements creating the table and its triggers (run after bulk loading: triggers cost per row).
    /// `initial` gives each token its first value (the generator derives them from its seed).
    public static func ddl(initial: (String) -> Int64) -> [String] {
        var statements = [
            "CREATE TABLE \(tableName) (table_name TEXT PRIMARY KEY NOT NULL, token INTEGER NOT NULL) WITHOUT ROWID",
        ]
        for name in trackedNames {
            statements.append("INSERT INTO \(tableName) (table_name, token) VALUES ('\(name)', \(initial(name)))")
        }
        for trigger in triggers { statements.append(trigger.ddl) }
        return statements
    }

    /// One trigger of the contract: its name and statement.
    public struct Trigger: Sendable, Equatable {
        /// The trigger's name (readers check that every one exists).
        public let name: String
        /// The CREATE TRIGGER statement.
        public let ddl: String
    }

    /// The triggers keeping the tokens, named `change_tokens_<table>_<insert|update|delete>` (and a suffix for the
    /// conditional ones).
    public static var triggers: [Trigger] {
        var result: [Trigger] = []
        for table in wholeTables {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                result.append(trigger("\(table)_\(event.lowercased())", "AFTER \(event) ON \(table)", moves: table))
            }
        }
        result.append(trigger("devices_insert", "AFTER INSERT ON devices", moves: "devices"))
        result.append(trigger("devices_update", "AFTER UPDATE OF \(deviceColumns.joined(separator: ", ")) ON devices",
                              moves: "devices"))
        result.append(trigger("devices_delete", "AFTER DELETE ON devices", moves: "devices"))
        // BEFORE, so the newest heartbeat still includes this device's old one (a heartbeat moved back is seen).
        result.append(trigger("devices_heartbeat_late", "BEFORE UPDATE OF last_seen_at ON devices",
                              when: "NEW.last_seen_at IS NOT OLD.last_seen_at AND (NEW.last_seen_at IS NULL"
                                  + " OR NEW.last_seen_at < (SELECT max(last_seen_at) FROM devices))",
                              moves: lateHeartbeats))
        result.append(trigger("attendance_delete", "AFTER DELETE ON attendance", moves: attendanceDeletions))
        result += attendanceTriggers
        result += probeTriggers
        return result
    }

    /// The trigger `change_tokens_<name>` that sets `tracked`'s token to `random()` on `event` ("AFTER INSERT ON
    /// students"), when `condition` holds.
    private static func trigger(_ name: String, _ event: String, when condition: String? = nil,
                                moves tracked: String) -> Trigger {
        let fullName = "\(tableName)_\(name)"
        let when = condition.map { " WHEN \($0)" } ?? ""
        return Trigger(name: fullName, ddl: """
            CREATE TRIGGER \(fullName) \(event)\(when) BEGIN \
            UPDATE \(tableName) SET token = random() WHERE table_name = '\(tracked)'; END
            """)
    }

    /// The conditional attendance triggers: `past_attendance` for a write whose day, old or new, is before the
    /// newest day with attendance (one seek at the end of the primary key); `late_attendance` for a write stamped
    /// before its day's newest row (one seek in `idx_attendance_day_recorded`); `attendance_deletions` for a row
    /// moved to another day or student.
    private static var attendanceTriggers: [Trigger] {
        let newest = "(SELECT max(day) FROM attendance)"
        let newestStamp = "(SELECT max(recorded_at) FROM attendance WHERE day = NEW.day)"
        return [
            trigger("attendance_insert_late", "AFTER INSERT ON attendance", when: "NEW.recorded_at < \(newestStamp)",
                    moves: lateAttendance),
            trigger("attendance_update_late", "AFTER UPDATE ON attendance", when: "NEW.recorded_at < \(newestStamp)",
                    moves: lateAttendance),
            trigger("attendance_update_key", "AFTER UPDATE OF day, student_id ON attendance",
                    when: "NEW.day <> OLD.day OR NEW.student_id <> OLD.student_id", moves: attendanceDeletions),
            trigger("attendance_insert", "AFTER INSERT ON attendance", when: "NEW.day < \(newest)", moves: pastAttendance),
            trigger("attendance_update", "AFTER UPDATE ON attendance",
                    when: "NEW.day < \(newest) OR OLD.day < \(newest)", moves: pastAttendance),
        ]
    }

    /// The triggers for what reading new probes by `measured_at` would miss.
    private static var probeTriggers: [Trigger] {
        let probes = "connectivity_probes"
        let sameKey = "SELECT 1 FROM \(probes) WHERE school_id = NEW.school_id AND measured_at = NEW.measured_at"
        let late = "strftime('%Y-%m-%dT%H:%M:%SZ', (SELECT max(measured_at) FROM \(probes)), '-\(lateSlackMinutes) minutes')"
        return [
            // BEFORE, so the row an INSERT OR REPLACE of the same key replaces is still there to be seen.
            trigger("\(probes)_insert", "BEFORE INSERT ON \(probes)",
                    when: "EXISTS (\(sameKey)) OR NEW.measured_at < \(late)", moves: probeRewrites),
            trigger("\(probes)_update", "AFTER UPDATE ON \(probes)", moves: probeRewrites),
            trigger("\(probes)_delete", "AFTER DELETE ON \(probes)", moves: probeRewrites),
        ]
    }

    private static let presentTriggersSQL = """
        SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '\(tableName)\\_%' ESCAPE '\\'
        """

    /// A trigger's SQL compared for what it does: case and whitespace do not matter.
    static func normalized(_ sql: String) -> String {
        String(sql.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    /// Each contract trigger's normalised statement, by name.
    private static let normalizedTriggers: [String: String] = Dictionary(
        uniqueKeysWithValues: triggers.map { ($0.name, normalized($0.ddl)) })

    /// The contract's triggers the database lacks (an upgrade adds them; readers trust no token while one is
    /// missing).
    package static func missingTriggers(in db: Database) throws -> [Trigger] {
        missing(in: try presentTriggers(db))
    }

    private static func missing(in present: [String: String?]) -> [Trigger] {
        triggers.filter { present[$0.name] == nil }
    }

    /// The contract's triggers present under their name but doing something else (a different event, condition or
    /// body — an empty body keeps a token still while its table changes): readers trust no token then.
    package static func nonconformingTriggers(in db: Database) throws -> [Trigger] {
        nonconforming(in: try presentTriggers(db))
    }

    /// Runs on every refresh: a statement written exactly as the contract's (the generator's, a copy's) is
    /// compared without normalising.
    private static func nonconforming(in present: [String: String?]) -> [Trigger] {
        triggers.filter { trigger in
            guard let sql = present[trigger.name] else { return false }
            if sql == trigger.ddl { return false }
            return sql.map(normalized) != normalizedTriggers[trigger.name]
        }
    }

    /// The `change_tokens_…` triggers of the database: name → SQL.
    private static func presentTriggers(_ db: Database) throws -> [String: String?] {
        var present: [String: String?] = [:]
        for row in try Row.fetchAll(try db.cachedStatement(sql: presentTriggersSQL)) {
            guard let name = row.checkedText(0) else { continue }
            present[name] = .some(row.checkedText(1))
        }
        return present
    }

    /// The tokens in this read transaction, or nil when the snapshot does not carry the table, a row or a trigger
    /// as the contract writes it (then nothing can be skipped).
    package static func read(_ db: Database) throws -> ChangeTokens? {
        guard try db.tableExists(tableName) else { return nil }
        let present = try presentTriggers(db)  // once per read: this runs on every refresh
        guard missing(in: present).isEmpty, nonconforming(in: present).isEmpty else { return nil }
        var values: [String: Int64] = [:]
        for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT table_name, token FROM \(tableName)")) {
            guard let name = row.checkedText(0), let token = row.checkedInt64(1) else { return nil }
            values[name] = token
        }
        guard trackedNames.allSatisfy({ values[$0] != nil }) else { return nil }
        return ChangeTokens(values: values)
    }
}

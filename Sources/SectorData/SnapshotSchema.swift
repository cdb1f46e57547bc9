import GRDB

/// The snapshot contract, schema version 1: tables, required columns, allowed values and indexes.
///
/// This is the single source of truth. The validating opener checks against it, the sample
/// generator creates files from it, and docs/SNAPSHOT.md documents it.
public enum SnapshotSchema {
    /// The schema version this build reads and writes (`meta.schema_version`).
    public static let version = 1

    /// How every TIMESTAMP column (and `meta.published_at`) is stored: UTC text, whole seconds, with a `Z`.
    ///
    /// One fixed format means comparing the text orders the instants, so SQL can filter and sort
    /// timestamps as text. Parse and format it with ``SnapshotTime``.
    public static let timestampFormat = "YYYY-MM-DDTHH:MM:SSZ"

    /// How every DATE column is stored: the day in the province's time zone (`meta.timezone`).
    public static let dateFormat = "YYYY-MM-DD"

    /// Keys that `meta` must contain.
    public static let requiredMetaKeys = [
        "schema_version", "province_code", "province_name", "school_year", "timezone", "published_at",
    ]

    /// Every required table with its required columns, in creation order.
    public static let requiredColumns: [(table: String, columns: [String])] = [
        ("meta", ["key", "value"]),
        ("admin_units", ["id", "code", "name", "kind", "parent_id"]),
        ("schools", ["id", "code", "name", "unit_id", "level", "ownership", "status"]),
        ("classes", ["id", "school_id", "name", "grade"]),
        ("students", ["id", "school_id", "class_id", "gender", "enrolled_on", "left_on", "leave_reason"]),
        ("teachers", ["id", "school_id", "gender", "active"]),
        ("school_days", ["day"]),
        ("attendance", ["day", "student_id", "class_id", "school_id", "status", "recorded_at", "source"]),
        ("devices", ["id", "school_id", "kind", "status", "acquired_year", "last_seen_at"]),
        ("connectivity_probes", ["school_id", "measured_at", "download_mbps", "upload_mbps", "latency_ms"]),
        ("intake_plans", ["school_id", "grade", "planned"]),
    ]

    /// Allowed values of the enumerated text columns.
    public enum Allowed {
        /// Values of `admin_units.kind`.
        public static let unitKinds = ["province", "district", "commune", "ward", "special_zone"]
        /// Values of `schools.level`.
        public static let schoolLevels = [
            "preschool", "primary", "lower_secondary", "upper_secondary", "multi_level", "continuing_education",
        ]
        /// Values of `schools.ownership`.
        public static let ownerships = ["public", "private"]
        /// Values of `schools.status`.
        public static let schoolStatuses = ["active", "closed"]
        /// Values of `students.gender` and `teachers.gender`.
        public static let genders = ["F", "M"]
        /// Values of `students.leave_reason` (NULL while enrolled).
        public static let leaveReasons = ["transfer", "dropout", "graduated"]
        /// Values of `attendance.status`; no row at all means "not reported".
        public static let attendanceStatuses = ["present", "late", "excused", "unexcused"]
        /// Values of `attendance.source`.
        public static let attendanceSources = ["gate", "teacher", "app"]
        /// Values of `devices.kind`.
        public static let deviceKinds = [
            "desktop", "laptop", "tablet", "projector", "interactive_display", "camera", "attendance_gate", "router",
        ]
        /// Values of `devices.status`.
        public static let deviceStatuses = ["working", "broken", "retired"]
    }

    /// Tables as the generator creates them. A replicator may add tables and columns; they are ignored.
    public static let tablesDDL: [String] = [
        """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE admin_units (
            id        INTEGER PRIMARY KEY,
            code      TEXT NOT NULL UNIQUE,
            name      TEXT NOT NULL,
            kind      TEXT NOT NULL,
            parent_id INTEGER REFERENCES admin_units(id)
        )
        """,
        """
        CREATE TABLE schools (
            id        INTEGER PRIMARY KEY,
            code      TEXT NOT NULL UNIQUE,
            name      TEXT NOT NULL,
            unit_id   INTEGER NOT NULL REFERENCES admin_units(id),
            level     TEXT NOT NULL,
            ownership TEXT NOT NULL,
            status    TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE classes (
            id        INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES schools(id),
            name      TEXT NOT NULL,
            grade     INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE students (
            id           INTEGER PRIMARY KEY,
            school_id    INTEGER NOT NULL REFERENCES schools(id),
            class_id     INTEGER NOT NULL REFERENCES classes(id),
            gender       TEXT NOT NULL,
            enrolled_on  TEXT NOT NULL,
            left_on      TEXT,
            leave_reason TEXT
        )
        """,
        """
        CREATE TABLE teachers (
            id        INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES schools(id),
            gender    TEXT NOT NULL,
            active    INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE school_days (
            day TEXT PRIMARY KEY NOT NULL
        )
        """,
        """
        CREATE TABLE attendance (
            day         TEXT NOT NULL,
            student_id  INTEGER NOT NULL REFERENCES students(id),
            class_id    INTEGER NOT NULL REFERENCES classes(id),
            school_id   INTEGER NOT NULL REFERENCES schools(id),
            status      TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            source      TEXT NOT NULL,
            PRIMARY KEY (day, student_id)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE devices (
            id            INTEGER PRIMARY KEY,
            school_id     INTEGER NOT NULL REFERENCES schools(id),
            kind          TEXT NOT NULL,
            status        TEXT NOT NULL,
            acquired_year INTEGER,
            last_seen_at  TEXT
        )
        """,
        """
        CREATE TABLE connectivity_probes (
            school_id     INTEGER NOT NULL REFERENCES schools(id),
            measured_at   TEXT NOT NULL,
            download_mbps REAL,
            upload_mbps   REAL,
            latency_ms    REAL,
            PRIMARY KEY (school_id, measured_at)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE intake_plans (
            school_id INTEGER NOT NULL REFERENCES schools(id),
            grade     INTEGER NOT NULL,
            planned   INTEGER NOT NULL,
            PRIMARY KEY (school_id, grade)
        ) WITHOUT ROWID
        """,
    ]

    /// An index the indicator queries rely on. `check` warns when one is missing.
    public struct IndexSpec: Sendable, Equatable {
        /// Index name, as created by the generator (a replicator may use another name).
        public let name: String
        /// Table the index is on.
        public let table: String
        /// Leading columns, in order; an index with these leading columns satisfies the contract.
        public let columns: [String]
        /// Which queries need it.
        public let purpose: String
        /// The CREATE INDEX statement.
        public var ddl: String { "CREATE INDEX \(name) ON \(table)(\(columns.joined(separator: ", ")))" }

        /// True when a complete (non-partial) index on the table starts with these columns, whatever its name.
        package func isPresent(in db: Database) throws -> Bool {
            let wanted = columns.map { $0.lowercased() }
            let indexes = try Row.fetchAll(db, sql: "SELECT name, partial FROM pragma_index_list(?)", arguments: [table])
            for index in indexes {
                guard let name: String = index["name"], index["partial"] as Int? == 0 else { continue }
                let columns = try String?.fetchAll(
                    db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [name])
                let leading = columns.prefix(wanted.count).map { $0?.lowercased() }
                if leading.count == wanted.count, zip(leading, wanted).allSatisfy({ $0 == $1 }) {
                    return true
                }
            }
            return false
        }
    }

    /// Indexes required by the contract (besides the primary keys above).
    public static let requiredIndexes: [IndexSpec] = [
        IndexSpec(name: "idx_admin_units_parent", table: "admin_units", columns: ["parent_id"],
                  purpose: "walking the admin tree from a unit to its children"),
        IndexSpec(name: "idx_schools_unit", table: "schools", columns: ["unit_id"],
                  purpose: "the schools of an admin unit"),
        IndexSpec(name: "idx_classes_school", table: "classes", columns: ["school_id"],
                  purpose: "the classes of a school"),
        IndexSpec(name: "idx_students_school", table: "students", columns: ["school_id", "class_id"],
                  purpose: "enrollment per school and class"),
        IndexSpec(name: "idx_teachers_school", table: "teachers", columns: ["school_id"],
                  purpose: "pupil–teacher ratio"),
        IndexSpec(name: "idx_attendance_day_school", table: "attendance",
                  columns: ["day", "school_id", "class_id", "status"],
                  purpose: "one day's attendance per school and class (covering)"),
        IndexSpec(name: "idx_attendance_absence", table: "attendance",
                  columns: ["status", "school_id", "student_id", "day"],
                  purpose: "chronic absence: absences per student so far (covering)"),
        IndexSpec(name: "idx_attendance_day_recorded", table: "attendance",
                  columns: ["day", "recorded_at", "school_id", "class_id", "status"],
                  purpose: "per-day max(recorded_at) and the rows written since: late corrections, today's new rows (covering)"),
        IndexSpec(name: "idx_devices_school", table: "devices", columns: ["school_id", "kind", "status"],
                  purpose: "devices by kind and status per school"),
        IndexSpec(name: "idx_devices_seen", table: "devices", columns: ["kind", "school_id", "last_seen_at", "status"],
                  purpose: "cameras and gates seen in the last minutes, counted per school in index order (covering)"),
        IndexSpec(name: "idx_devices_last_seen", table: "devices", columns: ["last_seen_at"],
                  purpose: "the newest heartbeat (one seek, also by the late_heartbeats trigger) and the heartbeats since the last refresh"),
        IndexSpec(name: "idx_probes_time", table: "connectivity_probes",
                  columns: ["measured_at", "download_mbps", "latency_ms"],
                  purpose: "the probes measured since the last refresh (covering: the key adds school_id)"),
    ]
}

import GRDB

/// The simulated replication feed of the bench's steady-refresh measurement.
enum BenchFeed {
    /// Commits what the replication feed would, in one write transaction:
    /// - 1,000 attendance records for `day` (students without one yet), scanned over the ten seconds from `stamp`
    ///   and applied in that order;
    /// - a probe per school stamped `stamp`;
    /// - heartbeats of a sixth of the cameras, gates and routers seen in the last 15 minutes (each reports once a
    ///   minute, batch `batch` takes its sixth), stamped over the same ten seconds and applied in that order.
    static func commitBatch(path: String, day: String, stamp: String, batch: Int) throws {
        let writer = try DatabaseQueue(path: path)
        defer { try? writer.close() }
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO attendance (day, student_id, class_id, school_id, status, recorded_at, source)
                SELECT ?1, id, class_id, school_id, status,
                       strftime('%Y-%m-%dT%H:%M:%SZ', ?2, '+' || (n % 10) || ' seconds'), 'gate'
                FROM (SELECT s.id, s.class_id, s.school_id, row_number() OVER (ORDER BY s.id) AS n,
                             CASE s.id % 20 WHEN 0 THEN 'unexcused' WHEN 1 THEN 'late' ELSE 'present' END AS status
                      FROM students s
                      WHERE s.enrolled_on <= ?1 AND (s.left_on IS NULL OR s.left_on > ?1)
                        AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.day = ?1 AND a.student_id = s.id)
                      ORDER BY s.id LIMIT 1000)
                ORDER BY n % 10, id
                """, arguments: [day, stamp])
            try db.execute(sql: """
                INSERT OR REPLACE INTO connectivity_probes (school_id, measured_at, download_mbps, upload_mbps, latency_ms)
                SELECT id, ?, 25.0 + (id % 40), 10.0, 30.0 FROM schools
                """, arguments: [stamp])
            for second in 0..<10 {
                try db.execute(sql: """
                    UPDATE devices SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '+' || ?2 || ' seconds')
                    WHERE id IN (SELECT id FROM devices
                                 WHERE kind IN ('camera', 'attendance_gate', 'router') AND status = 'working'
                                   AND last_seen_at >= strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '-15 minutes')
                                   AND id % 60 = ?3)
                    """, arguments: [stamp, second, (batch % 6) * 10 + second])
            }
        }
    }
}

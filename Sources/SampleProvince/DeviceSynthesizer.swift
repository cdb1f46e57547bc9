/// Writes the devices of every school: computer labs and office machines, laptops, tablet sets,
/// projectors and interactive displays per class, cameras, attendance gates, routers.
///
/// About 87 % work, older ones break or are retired more often. Networked devices (cameras, gates,
/// routers) have `last_seen_at`: a few minutes before now when working and the school is online, the
/// start of the outage for offline schools, hours or days ago for a few stale or broken ones.
struct DeviceSynthesizer {
    let blueprint: ProvinceBlueprint
    let nowSeconds: Int
    let seed: UInt64

    /// Device kinds in the order they are written (each one of `SnapshotSchema.Allowed.deviceKinds`).
    private enum Kind: String, CaseIterable {
        case desktop, laptop, tablet, projector
        case interactiveDisplay = "interactive_display"
        case camera
        case attendanceGate = "attendance_gate"
        case router

        var isNetworked: Bool { self == .camera || self == .attendanceGate || self == .router }
    }

    /// Inserts the devices; returns rows written.
    func write(connection: OpaquePointer) throws -> Int {
        let statement = try SQLiteBulkStatement(connection: connection, sql: """
            INSERT INTO devices (id, school_id, kind, status, acquired_year, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
            """)
        var random = SeededRandom(seed: seed, stream: 4)
        let currentYear = CivilTime.civil(day: CivilTime.provinceDay(unixSeconds: nowSeconds)).year
        var nextID = 1
        for school in blueprint.schools {
            for kind in Kind.allCases {
                let count = school.isClosed
                    ? (kind == .desktop ? random.int(in: 2...8) : 0)
                    : deviceCount(kind, school: school, random: &random)
                for _ in 0..<count {
                    let age = min(12, random.int(in: 0...6) + random.int(in: 0...6))
                    let roll = random.unit()
                    let oldBonus = age >= 7 ? 0.12 : 0
                    let status = school.isClosed ? "retired"
                        : roll < 0.05 + oldBonus / 2 ? "retired"
                        : roll < 0.13 + oldBonus ? "broken" : "working"
                    statement.bind(1, nextID)
                    statement.bind(2, school.id)
                    statement.bind(3, kind.rawValue)
                    statement.bind(4, status)
                    if random.chance(0.04) { statement.bindNull(5) } else { statement.bind(5, currentYear - age) }
                    statement.bind(6, lastSeen(kind: kind, status: status, school: school, random: &random))
                    try statement.insert()
                    nextID += 1
                }
            }
        }
        return statement.rowsInserted
    }

    private func deviceCount(_ kind: Kind, school: ProvinceBlueprint.School, random: inout SeededRandom) -> Int {
        let classCount = school.classRange.count
        switch kind {
        case .desktop:
            let labs: Int
            switch school.level {
            case .preschool: labs = 0
            case .primary: labs = random.chance(0.75) ? 1 : 0
            case .lowerSecondary, .multiLevel, .continuingEducation: labs = random.int(in: 1...2)
            case .upperSecondary: labs = random.int(in: 2...3)
            }
            var total = random.int(in: 2...6)
            for _ in 0..<labs { total += random.int(in: 20...35) }
            return total
        case .laptop:
            return Int((Double(school.teacherCount) * random.double(in: 0.05...0.25)).rounded())
        case .tablet:
            return random.chance(0.2) ? random.int(in: 20...45) : 0
        case .projector:
            return Int((Double(classCount) * random.double(in: 0.3...0.9)).rounded())
        case .interactiveDisplay:
            return Int((Double(classCount) * random.double(in: 0...0.35)).rounded())
        case .camera:
            return school.level == .preschool ? random.int(in: 6...20) : random.int(in: 4...16)
        case .attendanceGate:
            return school.hasGate ? random.int(in: 1...4) : 0
        case .router:
            return random.int(in: 1...3)
        }
    }

    private func lastSeen(kind: Kind, status: String, school: ProvinceBlueprint.School, random: inout SeededRandom) -> String? {
        guard kind.isNetworked, status != "retired" else { return nil }
        let seenAt: Int
        if status == "broken" {
            guard random.chance(0.7) else { return nil }
            seenAt = nowSeconds - random.int(in: 2 * 86_400...60 * 86_400)
        } else if let since = school.connectivity.offlineSince {
            seenAt = since - random.int(in: 0...299)
        } else if random.chance(0.05) {
            seenAt = nowSeconds - random.int(in: 3_600...7 * 86_400)
        } else {
            seenAt = nowSeconds - random.int(in: 0...240)
        }
        return CivilTime.timestampText(unixSeconds: seenAt)
    }
}

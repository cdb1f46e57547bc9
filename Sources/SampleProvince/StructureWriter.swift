import SectorData

/// Writes everything but attendance, devices and probes: meta, the admin tree, schools, classes,
/// students, teachers, the calendar and intake plans.
struct StructureWriter {
    let blueprint: ProvinceBlueprint
    let calendar: SchoolCalendar
    let options: SampleOptions
    let nowSeconds: Int

    /// Inserts the rows and returns (table, rows) pairs in writing order.
    func write(connection: OpaquePointer) throws -> [(table: String, rows: Int)] {
        [
            ("meta", try writeMeta(connection)),
            ("admin_units", try writeUnits(connection)),
            ("schools", try writeSchools(connection)),
            ("classes", try writeClasses(connection)),
            ("students", try writeStudents(connection)),
            ("teachers", try writeTeachers(connection)),
            ("school_days", try writeSchoolDays(connection)),
            ("intake_plans", try writeIntakePlans(connection)),
        ]
    }

    private func writeMeta(_ connection: OpaquePointer) throws -> Int {
        let statement = try SQLiteBulkStatement(connection: connection, sql: "INSERT INTO meta (key, value) VALUES (?, ?)")
        let rows: [(String, String)] = [
            ("schema_version", String(SnapshotSchema.version)),
            ("province_code", options.provinceCode),
            ("province_name", options.provinceName),
            ("school_year", calendar.schoolYearLabel),
            ("timezone", "Asia/Ho_Chi_Minh"),
            ("published_at", CivilTime.timestampText(unixSeconds: nowSeconds)),
            ("generator", "eduioc sample generate (fictional, de-identified data)"),
            ("sample_seed", String(options.seed)),
        ]
        for (key, value) in rows {
            statement.bind(1, key)
            statement.bind(2, value)
            try statement.insert()
        }
        return statement.rowsInserted
    }

    private func writeUnits(_ connection: OpaquePointer) throws -> Int {
        let statement = try SQLiteBulkStatement(connection: connection,
            sql: "INSERT INTO admin_units (id, code, name, kind, parent_id) VALUES (?, ?, ?, ?, ?)")
        for unit in blueprint.units {
            statement.bind(1, unit.id)
            statement.bind(2, unit.code)
            statement.bind(3, unit.name)
            statement.bind(4, unit.kind)
            if let parent = unit.parentID { statement.bind(5, parent) } else { statement.bindNull(5) }
            try statement.insert()
        }
        return statement.rowsInserted
    }

    private func writeSchools(_ connection: OpaquePointer) throws -> Int {
        let statement = try SQLiteBulkStatement(connection: connection,
            sql: "INSERT INTO schools (id, code, name, unit_id, level, ownership, status) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for school in blueprint.schools {
            statement.bind(1, school.id)
            statement.bind(2, school.code)
            statement.bind(3, school.name)
            statement.bind(4, school.unitID)
            statement.bind(5, school.level.storedValue)
            statement.bind(6, school.isPrivate ? "private" : "public")
            statement.bind(7, school.isClosed ? "closed" : "active")
            try statement.insert()
        }
        return statement.rowsInserted
    }

    private func writeClasses(_ connection: OpaquePointer) throws -> Int {
        let statement = try SQLiteBulkStatement(connection: connection,
            sql: "INSERT INTO classes (id, school_id, name, grade) VALUES (?, ?, ?, ?)")
        for schoolClass in blueprint.classes {
            statement.bind(1, schoolClass.id)
            statement.bind(2, schoolClass.schoolIndex + 1)
            statement.bind(3, schoolClass.name)
            statement.bind(4, schoolClass.grade)
            try statement.insert()
        }
        return statement.rowsInserted
    }

    private func writeStudents(_ connection: OpaquePointer) throws -> Int {
        let statement = try SQLiteBulkStatement(connection: connection, sql: """
            INSERT INTO students (id, school_id, class_id, gender, enrolled_on, left_on, leave_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let genders = StableCStrings(["F", "M"])
        var dateTexts: [Int32: String] = [:]
        func dateText(_ day: Int32) -> String {
            if let text = dateTexts[day] { return text }
            let text = CivilTime.dateText(day: Int(day))
            dateTexts[day] = text
            return text
        }
        let roster = blueprint.students
        for index in 0..<roster.count {
            let gender = roster.isMale[index] ? 1 : 0
            statement.bind(1, index + 1)
            statement.bind(2, Int(roster.schoolIndex[index]) + 1)
            statement.bind(3, Int(roster.classID[index]))
            statement.bindStatic(4, genders.pointer(gender), length: genders.length(gender))
            statement.bind(5, dateText(roster.enrolledDay[index]))
            let left = roster.leftDay[index]
            statement.bind(6, left == StudentRoster.stillEnrolled ? nil : dateText(left))
            statement.bind(7, roster.leaveReason[index].storedValue)
            try statement.insert()
        }
        return statement.rowsInserted
    }

    private func writeTeachers(_ connection: OpaquePointer) throws -> Int {
        let statement = try SQLiteBulkStatement(connection: connection,
            sql: "INSERT INTO teachers (id, school_id, gender, active) VALUES (?, ?, ?, ?)")
        var random = SeededRandom(seed: options.seed, stream: 5)
        var nextID = 1
        for school in blueprint.schools {
            for _ in 0..<school.teacherCount {
                statement.bind(1, nextID)
                statement.bind(2, school.id)
                statement.bind(3, random.chance(school.level.femaleTeacherShare) ? "F" : "M")
                statement.bind(4, random.chance(0.97) ? 1 : 0)
                try statement.insert()
                nextID += 1
            }
        }
        return statement.rowsInserted
    }

    private func writeSchoolDays(_ connection: OpaquePointer) throws -> Int {
        let statement = try SQLiteBulkStatement(connection: connection, sql: "INSERT INTO school_days (day) VALUES (?)")
        for day in calendar.schoolDays {
            statement.bind(1, CivilTime.dateText(day: day))
            try statement.insert()
        }
        return statement.rowsInserted
    }

    /// Intake plans per entry grade, within ±10 % of the pupils now in that grade, rounded to 5.
    private func writeIntakePlans(_ connection: OpaquePointer) throws -> Int {
        let statement = try SQLiteBulkStatement(connection: connection,
            sql: "INSERT INTO intake_plans (school_id, grade, planned) VALUES (?, ?, ?)")
        var random = SeededRandom(seed: options.seed, stream: 6)
        var enrolledByGrade = Array(repeating: Array(repeating: 0, count: 13), count: blueprint.schools.count)
        let roster = blueprint.students
        for index in 0..<roster.count where roster.leftDay[index] == StudentRoster.stillEnrolled {
            let grade = blueprint.classes[Int(roster.classID[index]) - 1].grade
            enrolledByGrade[Int(roster.schoolIndex[index])][grade] += 1
        }
        for (schoolIndex, school) in blueprint.schools.enumerated() where !school.isClosed {
            for grade in school.level.entryGrades {
                let actual = Double(enrolledByGrade[schoolIndex][grade])
                let planned = max(5, Int((actual * random.double(in: 0.9...1.1) / 5).rounded()) * 5)
                statement.bind(1, school.id)
                statement.bind(2, grade)
                statement.bind(3, planned)
                try statement.insert()
            }
        }
        return statement.rowsInserted
    }
}

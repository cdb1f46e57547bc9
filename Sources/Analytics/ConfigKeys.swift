import ReportModel
import Yams

/// The configuration file's key tree, used to reject unknown keys by name before decoding.
enum ConfigKeys {
    /// Allowed keys below the root; `nil` children = scalar value; `profiles` maps any name to a profile.
    private static let sections: [String: [String]] = [
        "attendance": AttendancePolicy.CodingKeys.allCases.map(\.rawValue),
        "chronic_absence": ChronicAbsencePolicy.CodingKeys.allCases.map(\.rawValue),
        "connectivity": ConnectivityPolicy.CodingKeys.allCases.map(\.rawValue),
        "devices": DevicePolicy.CodingKeys.allCases.map(\.rawValue),
        "snapshot": SnapshotPolicy.CodingKeys.allCases.map(\.rawValue),
    ]

    /// Throws `invalidConfiguration` naming the first unknown key (as a dotted path).
    static func check(_ root: Node) throws {
        guard let mapping = root.mapping else {
            throw AnalyticsError.invalidConfiguration("the top level must be a mapping of sections (\(sections.keys.sorted().joined(separator: ", ")))")
        }
        for (key, value) in mapping {
            let name = key.string ?? "\(key)"
            guard let allowed = sections[name] else {
                throw AnalyticsError.invalidConfiguration("unknown key \"\(name)\" (known: \(sections.keys.sorted().joined(separator: ", ")))")
            }
            guard let inner = value.mapping else {
                if value.null != nil { continue }
                throw AnalyticsError.invalidConfiguration("\(name) must be a mapping")
            }
            for (innerKey, innerValue) in inner {
                let innerName = innerKey.string ?? "\(innerKey)"
                guard allowed.contains(innerName) else {
                    throw AnalyticsError.invalidConfiguration("unknown key \"\(name).\(innerName)\" (known: \(allowed.joined(separator: ", ")))")
                }
                if name == "connectivity", innerName == "profiles" {
                    try checkProfiles(innerValue)
                }
            }
        }
    }

    private static func checkProfiles(_ node: Node) throws {
        guard let profiles = node.mapping else {
            throw AnalyticsError.invalidConfiguration("connectivity.profiles must be a mapping of profile names")
        }
        let allowed = BenchmarkProfile.CodingKeys.allCases.map(\.rawValue)
        for (key, value) in profiles {
            let name = key.string ?? "\(key)"
            guard let fields = value.mapping else {
                throw AnalyticsError.invalidConfiguration("connectivity.profiles.\(name) must be a mapping")
            }
            for (fieldKey, _) in fields {
                let field = fieldKey.string ?? "\(fieldKey)"
                guard allowed.contains(field) else {
                    throw AnalyticsError.invalidConfiguration("unknown key \"connectivity.profiles.\(name).\(field)\" (known: \(allowed.joined(separator: ", ")))")
                }
            }
            guard fields["download_mbps"] != nil else {
                throw AnalyticsError.invalidConfiguration("connectivity.profiles.\(name).download_mbps is required")
            }
        }
    }

    /// A coding path as a dotted key path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "configuration" : codingPath.map(\.stringValue).joined(separator: ".")
    }
}

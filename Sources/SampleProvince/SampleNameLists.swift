import Foundation

/// The name lists the generator draws from, loaded from plain-text files in `SampleData/`.
///
/// One item per line, UTF-8, normalised to NFC; blank lines and lines starting with `#` are skipped.
public struct SampleNameLists: Sendable, Equatable {
    /// Communes and wards of the two-tier tree, e.g. 'Xã Thanh Hà', 'Phường Nguyễn Trãi'.
    public let communesAndWards: [String]
    /// Former commune and village names, used to name schools after their place.
    public let localities: [String]
    /// Historical and cultural figures schools are named after.
    public let famousPeople: [String]
    /// Flower, bird and virtue names used by preschools ('Hoa Sen', 'Họa Mi').
    public let preschoolNames: [String]

    /// The files, with the minimum number of items each must hold.
    static let files: [(name: String, minimum: Int)] = [
        ("communes_wards.txt", 10), ("localities.txt", 20), ("famous_people.txt", 20), ("preschool_names.txt", 10),
    ]

    /// Loads every list from `directory`; throws `SampleError` naming the file that is missing or too short.
    public init(directory: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SampleError.sampleDataNotFound(searched: [directory.path])
        }
        var lists: [[String]] = []
        for file in Self.files {
            lists.append(try Self.loadList(directory.appendingPathComponent(file.name), minimum: file.minimum))
        }
        communesAndWards = lists[0]
        localities = lists[1]
        famousPeople = lists[2]
        preschoolNames = lists[3]
        for name in communesAndWards where !(name.hasPrefix("Xã ") || name.hasPrefix("Phường ")) {
            throw SampleError.badNameList(file: "communes_wards.txt", reason: "'\(name)' must start with 'Xã ' or 'Phường '")
        }
    }

    /// Reads one list: trimmed, NFC, de-duplicated in first-seen order.
    static func loadList(_ url: URL, minimum: Int) throws -> [String] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SampleError.badNameList(file: url.path, reason: "cannot be read (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SampleError.badNameList(file: url.path, reason: "is not UTF-8 text")
        }
        var seen = Set<String>()
        var items: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let item = line.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
            if item.isEmpty || item.hasPrefix("#") || seen.contains(item) { continue }
            seen.insert(item)
            items.append(item)
        }
        guard items.count >= minimum else {
            throw SampleError.badNameList(file: url.path, reason: "has \(items.count) items, needs at least \(minimum)")
        }
        return items
    }
}

import Foundation

/// Appends fixed-width integers, strings and integer arrays to a byte buffer (little-endian), for the
/// summaries' warm-start file.
struct BinaryWriter {
    private(set) var data = Data()

    mutating func int(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        let bytes = Array(value.utf8)
        int(Int64(bytes.count))
        data.append(contentsOf: bytes)
    }

    mutating func optionalString(_ value: String?) {
        int(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    /// An array of fixed-width integers, copied as raw memory (this machine is little-endian).
    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        int(Int64(values.count))
        values.withUnsafeBytes { data.append(contentsOf: $0) }
    }

    mutating func strings(_ values: [String]) {
        int(Int64(values.count))
        for value in values { string(value) }
    }
}

/// Reads what `BinaryWriter` wrote; every read checks its bounds and throws on a short or malformed buffer.
struct BinaryReader {
    struct Malformed: Error {}

    private let data: Data
    private var offset: Int

    init(_ data: Data) {
        self.data = data
        offset = data.startIndex
    }

    var isAtEnd: Bool { offset == data.endIndex }

    private mutating func bytes(_ count: Int) throws -> Data {
        guard count >= 0, data.endIndex - offset >= count else { throw Malformed() }
        defer { offset += count }
        return data[offset..<offset + count]
    }

    mutating func int() throws -> Int64 {
        let raw = try bytes(8)
        var value: Int64 = 0
        _ = withUnsafeMutableBytes(of: &value) { raw.copyBytes(to: $0) }
        return Int64(littleEndian: value)
    }

    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value < Int64(Int32.max) else { throw Malformed() }
        return Int(value)
    }

    mutating func string() throws -> String {
        guard let text = String(data: try bytes(try count()), encoding: .utf8) else { throw Malformed() }
        return text
    }

    mutating func optionalString() throws -> String? {
        switch try int() {
        case 0: return nil
        case 1: return try string()
        default: throw Malformed()
        }
    }

    mutating func array<T: FixedWidthInteger>(_: T.Type) throws -> [T] {
        let n = try count()
        let raw = try bytes(n * MemoryLayout<T>.stride)
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            raw.copyBytes(to: UnsafeMutableRawBufferPointer(buffer))
            initialized = n
        }
    }

    mutating func strings() throws -> [String] {
        let n = try count()
        var result: [String] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try string()) }
        return result
    }
}

import Foundation

/// Writes fixed-width integers, strings and integer arrays (little-endian) to a file descriptor, for the
/// summaries' warm-start file. Streams: large arrays go straight from their memory to the file, so saving does
/// not hold a second copy of the summaries. The first write error is kept and thrown by `finish()`.
struct BinaryWriter {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var failure: Int32?

    init(fileDescriptor: Int32) {
        descriptor = fileDescriptor
        buffer.reserveCapacity(1 << 16)
    }

    private mutating func writeAll(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Foundation.write(descriptor, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            remaining -= written
            base += written
        }
    }

    private mutating func flush() {
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func int(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func string(_ value: String) {
        let bytes = Array(value.utf8)
        int(Int64(bytes.count))
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func optionalString(_ value: String?) {
        int(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    /// An array of fixed-width integers, written from its memory (this machine is little-endian).
    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        int(Int64(values.count))
        flush()
        values.withUnsafeBytes { writeAll($0) }
    }

    mutating func strings(_ values: [String]) {
        int(Int64(values.count))
        for value in values { string(value) }
    }

    /// Writes what is buffered; throws the first error any write met.
    mutating func finish() throws {
        flush()
        if let failure { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
    }
}

/// Reads what `BinaryWriter` wrote from a file descriptor; every read checks what it gets and throws on a
/// short or malformed file. Arrays are read straight into their own memory.
struct BinaryReader {
    struct Malformed: Error {}

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    /// Bytes the file has beyond what was consumed: no count read from a damaged file can ask for more.
    private var remainingInFile: Int

    init(fileDescriptor: Int32) {
        descriptor = fileDescriptor
        var status = stat()
        remainingInFile = fstat(fileDescriptor, &status) == 0 ? Int(status.st_size) : 0
    }

    /// Reads up to `count` bytes into `destination`; the number read (0 at the end of the file).
    private func readSome(_ destination: UnsafeMutableRawPointer, _ count: Int) throws -> Int {
        while true {
            let n = Foundation.read(descriptor, destination, count)
            if n >= 0 { return n }
            if errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
    }

    /// Fills `destination` completely, from the buffer first, then from the file.
    private mutating func fill(_ destination: UnsafeMutableRawBufferPointer) throws {
        guard var target = destination.baseAddress else { return }
        var remaining = destination.count
        guard remaining <= remainingInFile else { throw Malformed() }
        remainingInFile -= remaining
        takeBuffered(into: &target, remaining: &remaining)
        if remaining >= 1 << 16 {
            while remaining > 0 {
                let n = try readSome(target, remaining)
                guard n > 0 else { throw Malformed() }
                remaining -= n
                target += n
            }
            return
        }
        while remaining > 0 {
            try refill()
            takeBuffered(into: &target, remaining: &remaining)
        }
    }

    /// Copies what the buffer holds (up to `remaining` bytes) to `target`, advancing both.
    private mutating func takeBuffered(into target: inout UnsafeMutableRawPointer, remaining: inout Int) {
        let n = min(remaining, buffer.count - position)
        guard n > 0 else { return }
        let start = position
        buffer.withUnsafeBytes { source in
            if let base = source.baseAddress { target.copyMemory(from: base + start, byteCount: n) }
        }
        position += n
        remaining -= n
        target += n
    }

    private mutating func refill() throws {
        var fresh = [UInt8](repeating: 0, count: 1 << 16)
        let n = try fresh.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return 0 }
            return try readSome(base, raw.count)
        }
        guard n > 0 else { throw Malformed() }
        fresh.removeSubrange(n...)
        buffer = fresh
        position = 0
    }

    /// Whether the whole file has been read.
    mutating func isAtEnd() throws -> Bool {
        if position < buffer.count { return false }
        var byte: UInt8 = 0
        return try readSome(&byte, 1) == 0
    }

    mutating func int() throws -> Int64 {
        var value: Int64 = 0
        try withUnsafeMutableBytes(of: &value) { try fill($0) }
        return Int64(littleEndian: value)
    }

    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value < Int64(Int32.max) else { throw Malformed() }
        return Int(value)
    }

    /// A count of items each taking at least `bytes` bytes further on in the file (checked against its size).
    mutating func count(perElement bytes: Int) throws -> Int {
        let n = try count()
        guard n <= remainingInFile / max(1, bytes) else { throw Malformed() }
        return n
    }

    mutating func string() throws -> String {
        var bytes = [UInt8](repeating: 0, count: try count(perElement: 1))
        try bytes.withUnsafeMutableBytes { try fill($0) }
        guard let text = String(bytes: bytes, encoding: .utf8) else { throw Malformed() }
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
        var values = [T](repeating: 0, count: try count(perElement: MemoryLayout<T>.stride))
        try values.withUnsafeMutableBytes { try fill($0) }
        return values
    }

    mutating func strings() throws -> [String] {
        let n = try count()
        var result: [String] = []
        result.reserveCapacity(min(n, 1 << 16))
        for _ in 0..<n { result.append(try string()) }
        return result
    }
}

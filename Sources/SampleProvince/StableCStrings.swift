/// NUL-terminated copies of a few strings at fixed addresses, for binding without per-row copies.
final class StableCStrings {
    private let pointers: [UnsafeMutablePointer<CChar>]
    private let lengths: [Int32]

    /// Copies `strings` into owned buffers, freed when this object goes away.
    init(_ strings: [String]) {
        var pointers: [UnsafeMutablePointer<CChar>] = []
        var lengths: [Int32] = []
        for string in strings {
            let bytes = Array(string.utf8CString)
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
            pointer.initialize(from: bytes, count: bytes.count)
            pointers.append(pointer)
            lengths.append(Int32(bytes.count - 1))
        }
        self.pointers = pointers
        self.lengths = lengths
    }

    deinit {
        for pointer in pointers { pointer.deallocate() }
    }

    /// The address of string `index`.
    func pointer(_ index: Int) -> UnsafePointer<CChar> { UnsafePointer(pointers[index]) }

    /// The length in bytes of string `index`, without the terminator.
    func length(_ index: Int) -> Int32 { lengths[index] }
}

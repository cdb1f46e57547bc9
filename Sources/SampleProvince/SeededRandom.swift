/// A seeded xoshiro256** generator: the only source of randomness in the sample province.
///
/// Deterministic across runs and toolchains: it never touches the system generator, and its helpers
/// (`unit()`, `int(in:)`, `shuffle`) use their own fixed arithmetic rather than the standard library's
/// unspecified algorithms.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state0: UInt64
    private var state1: UInt64
    private var state2: UInt64
    private var state3: UInt64

    /// Creates a generator whose state is expanded from `seed` with SplitMix64.
    public init(seed: UInt64) {
        var splitMix = seed
        state0 = Self.splitMix64(&splitMix)
        state1 = Self.splitMix64(&splitMix)
        state2 = Self.splitMix64(&splitMix)
        state3 = Self.splitMix64(&splitMix)
    }

    /// Creates an independent stream for one purpose (e.g. one table), so phases don't perturb each other.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = stream &* 0x9E37_79B9_7F4A_7C15
        self.init(seed: seed ^ Self.splitMix64(&mixer))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state1 &* 5, by: 7) &* 9
        let shifted = state1 << 17
        state2 ^= state0
        state3 ^= state1
        state1 ^= state2
        state0 ^= state3
        state2 ^= shifted
        state3 = rotateLeft(state3, by: 45)
        return result
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in `range`.
    public mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// A uniform integer in `range` (multiply-high reduction; bias is negligible for our ranges).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }
        let high = next().multipliedFullWidth(by: span).high
        return range.lowerBound + Int(high)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array, uniformly.
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// Shuffles `elements` in place (Fisher–Yates with this generator's own `int(in:)`).
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(index, int(in: 0...index))
        }
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }

    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

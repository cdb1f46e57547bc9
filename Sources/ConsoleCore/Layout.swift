/// Splits rectangles into rows or columns by fixed sizes and weights.
public enum Layout {
    /// Splits `rect` top to bottom into `sizes.count` rows separated by `spacing` rows.
    public static func rows(_ rect: Rect, _ sizes: [LayoutSize], spacing: Int = 0) -> [Rect] {
        lengths(total: rect.height, sizes, spacing: spacing).map { Rect(x: rect.x, y: rect.y + $0.offset, width: rect.width, height: $0.length) }
    }

    /// Splits `rect` left to right into `sizes.count` columns separated by `spacing` columns.
    public static func columns(_ rect: Rect, _ sizes: [LayoutSize], spacing: Int = 0) -> [Rect] {
        lengths(total: rect.width, sizes, spacing: spacing).map { Rect(x: rect.x + $0.offset, y: rect.y, width: $0.length, height: rect.height) }
    }

    /// The offsets and lengths of `sizes` along an axis of `total` cells; weights share the remainder,
    /// leftovers from rounding go to the earliest weighted slots.
    public static func lengths(total: Int, _ sizes: [LayoutSize], spacing: Int = 0) -> [(offset: Int, length: Int)] {
        guard !sizes.isEmpty else { return [] }
        let gaps = max(0, spacing) * (sizes.count - 1)
        var remaining = max(0, total - gaps)
        var result = [Int](repeating: 0, count: sizes.count)
        for (i, s) in sizes.enumerated() {
            if case .fixed(let n) = s {
                let take = min(max(0, n), remaining)
                result[i] = take
                remaining -= take
            }
        }
        let weights = sizes.map { s -> Int in if case .weight(let w) = s { return max(0, w) } else { return 0 } }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var given = 0
            for i in sizes.indices where weights[i] > 0 {
                result[i] = remaining * weights[i] / totalWeight
                given += result[i]
            }
            var extra = remaining - given
            for i in sizes.indices where weights[i] > 0 && extra > 0 {
                result[i] += 1
                extra -= 1
            }
        }
        var offset = 0
        return result.map { len in
            defer { offset += len + max(0, spacing) }
            return (offset, len)
        }
    }
}

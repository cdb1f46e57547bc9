import Foundation
import GRDB

/// Total reading of snapshot values (DESIGN §6: nothing from the data can crash the process).
///
/// GRDB's `row[i]` subscripts trap when a value is NULL or of another type; the snapshot is written by someone
/// else's ETL, so every column is read through these instead: a value of the wrong type, NULL or out of range is
/// `nil`, and the caller leaves the row out.
extension Row {
    /// The integer at `index`: an INTEGER, or a REAL with an exact integer value; nil otherwise.
    package func checkedInt64(_ index: Int) -> Int64? {
        switch (self[index] as DatabaseValue).storage {
        case .int64(let value): return value
        case .double(let value): return Int64(exactly: value)
        default: return nil
        }
    }

    /// The integer at `index` when it lies in `range` (counts, grades, planned intakes); nil otherwise.
    package func checkedInt(_ index: Int, in range: ClosedRange<Int> = 0...Int(Int32.max)) -> Int? {
        guard let value = checkedInt64(index), let int = Int(exactly: value), range.contains(int) else { return nil }
        return int
    }

    /// The text at `index` (TEXT, or a BLOB holding UTF-8); nil for NULL, numbers and other bytes.
    package func checkedText(_ index: Int) -> String? {
        switch (self[index] as DatabaseValue).storage {
        case .string(let value): return value
        case .blob(let data): return String(data: data, encoding: .utf8)
        default: return nil
        }
    }

    /// The finite number at `index` (INTEGER or REAL); nil for NULL, text, NaN and infinities.
    package func checkedDouble(_ index: Int) -> Double? {
        switch (self[index] as DatabaseValue).storage {
        case .int64(let value): return Double(value)
        case .double(let value): return value.isFinite ? value : nil
        default: return nil
        }
    }
}

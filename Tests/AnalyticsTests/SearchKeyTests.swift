import Analytics
import ReportModel
import Testing

@Suite struct SearchKeyTests {
    @Test(arguments: [
        ("Nguyễn Trãi", "nguyen trai"),
        ("ĐÔNG HƯNG", "dong hung"),
        ("Trường  Tiểu học\tHoà Bình ", "truong tieu hoc hoa binh"),
        ("Đặc khu Côn Đảo", "dac khu con dao"),
        ("Xã Ea H'Leo", "xa ea h'leo"),
        ("Hoà\u{202E}Bình\u{1B}[31m", "hoa binh [31m"),
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(SearchKey.fold(input) == expected)
    }

    @Test func composedAndDecomposedInputFoldAlike() {
        let composed = "Trãi"
        let decomposed = "Tra\u{0303}i"
        #expect(SearchKey.fold(composed) == SearchKey.fold(decomposed))
    }

    @Test func matchesEveryToken() {
        #expect(SearchKey.matches("truong tieu hoc nguyen trai", query: "trai nguyen"))
        #expect(!SearchKey.matches("truong tieu hoc nguyen trai", query: "nguyen du"))
        #expect(!SearchKey.matches("anything", query: ""))
    }
}

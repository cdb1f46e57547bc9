import Testing
@testable import ConsoleCore

@Suite struct SearchFoldingTests {
    @Test func foldsVietnamese() {
        #expect(SearchFolding.fold("Trường THCS Nguyễn Trãi") == "truong thcs nguyen trai")
        #expect(SearchFolding.fold("Đắk  Lắk\t") == "dak lak")
        #expect(SearchFolding.fold("  ĐIỆN   BIÊN ") == "dien bien")
    }

    @Test func matchesUnaccentedQueries() {
        #expect(SearchFolding.matches("nguyen trai", in: "Trường THCS Nguyễn Trãi"))
        #expect(SearchFolding.matches("dak lak", in: "Tỉnh Đắk Lắk"))
        #expect(SearchFolding.matches("NGUYỄN", in: "nguyen"))
        #expect(SearchFolding.matches("", in: "anything"))
        #expect(!SearchFolding.matches("le loi", in: "Trường THCS Nguyễn Trãi"))
    }

    @Test func matchesDecomposedText() {
        #expect(SearchFolding.matches("nguyen", in: "Nguye\u{0302}\u{0303}n"))
        #expect(SearchFolding.matches("nguyên", in: "Nguye\u{0302}\u{0303}n"))
    }

    @Test func asciiFallback() {
        #expect(SearchFolding.asciiFallback("ễ") == "e")
        #expect(SearchFolding.asciiFallback("Đ") == "D")
        #expect(SearchFolding.asciiFallback("中") == "??")
        #expect(SearchFolding.asciiFallback("a") == "a")
    }
}

import Analytics
@testable import ConsoleWire
@testable import ConsoleServer
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
import ReportModel
#endif

/// The frame format over a real socket pair: round trips, the length bounds, truncation and garbage.
@Suite("Wire protocol")
struct WireProtocolTests {
    /// A connected pair of Unix stream sockets.
    private func pair() throws -> (Int32, Int32) {
        var fds: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0 else { throw UnixSocket.Failure(what: "socketpair", code: errno) }
        return (fds[0], fds[1])
    }

    @Test func framesCarryALengthPrefixAndRoundTrip() throws {
        let message = ClientMessage.report(id: 7, node: NodeRef(level: .school, code: "HD-TH-0042", name: "Trường Tiểu học Ngọc Châu"))
        let bytes = try WireProtocol.frame(message)
        let length = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        #expect(length == bytes.count - 4, "big-endian length of the JSON body")
        let (a, b) = try pair()
        defer { close(a); close(b) }
        try UnixSocket.writeAll(a, bytes)
        let back = try WireProtocol.read(ClientMessage.self, from: b, limit: WireProtocol.maxClientFrame)
        #expect(back == message)
    }

    @Test func lengthsOutsideTheBoundsAreRefused() throws {
        #expect(throws: WireProtocol.FrameError.badLength(0)) { try WireProtocol.length(header: [0, 0, 0, 0], limit: 100) }
        #expect(throws: WireProtocol.FrameError.badLength(101)) { try WireProtocol.length(header: [0, 0, 0, 101], limit: 100) }
        #expect(throws: WireProtocol.FrameError.badLength(Int(UInt32.max))) {
            try WireProtocol.length(header: [255, 255, 255, 255], limit: WireProtocol.maxServerFrame)
        }
        #expect(try WireProtocol.length(header: [0, 0, 0, 100], limit: 100) == 100)
    }

    @Test func anOversizedFrameIsRefusedBeforeItsBodyIsRead() throws {
        let (a, b) = try pair()
        defer { close(a); close(b) }
        let size = WireProtocol.maxClientFrame + 1
        try UnixSocket.writeAll(a, [UInt8(size >> 24), UInt8((size >> 16) & 0xFF), UInt8((size >> 8) & 0xFF), UInt8(size & 0xFF)])
        #expect(throws: WireProtocol.FrameError.badLength(size)) {
            try WireProtocol.read(ClientMessage.self, from: b, limit: WireProtocol.maxClientFrame)
        }
    }

    @Test func garbageAndTruncationAreErrorsNotCrashes() throws {
        let (a, b) = try pair()
        defer { close(b) }
        let junk = Array("{\"report\":{\"id\":\"not a number\"}}".utf8)
        try UnixSocket.writeAll(a, [0, 0, 0, UInt8(junk.count)] + junk)
        #expect(throws: WireProtocol.FrameError.garbage("undecodable ClientMessage")) {
            try WireProtocol.read(ClientMessage.self, from: b, limit: WireProtocol.maxClientFrame)
        }
        let binary: [UInt8] = [0xFF, 0xFE, 0x00, 0x01, 0x80]
        try UnixSocket.writeAll(a, [0, 0, 0, UInt8(binary.count)] + binary)
        #expect(throws: WireProtocol.FrameError.garbage("undecodable ClientMessage")) {
            try WireProtocol.read(ClientMessage.self, from: b, limit: WireProtocol.maxClientFrame)
        }
        try UnixSocket.writeAll(a, [0, 0, 0, 50] + Array("{\"hel".utf8))  // a frame cut short by a close
        close(a)
        #expect(throws: WireProtocol.FrameError.closed) {
            try WireProtocol.read(ClientMessage.self, from: b, limit: WireProtocol.maxClientFrame)
        }
    }

    @Test func everyServerMessageRoundTrips() throws {
        let node = NodeRef(level: .unit, code: "HD-XTH", name: "Xã Thanh Hà", detail: "commune")
        let messages: [ServerMessage] = [
            .welcome(WireWelcome(user: "hoa.tran", scopeLabel: "hoa.tran: HD-XTH", exportDirectory: nil, timeZone: "Asia/Ho_Chi_Minh", version: 2,
                                 settings: ConsoleSettings(staleAfterMinutes: 45))),
            .refused(reason: "no entry"), .resolved(id: 3, node), .failure(id: 4, .notInYourArea("HD-X")),
            .searchIndexFollows(id: 5, digest: WireDigest.of(Array("{}".utf8))), .searchIndexUnchanged(id: 6),
            .changed(generation: 9, problem: nil, scopeLabel: "x: *"), .ended(reason: "revoked"),
            .checkInCurve(id: 6, CheckInCurve(minutes: [420, 435], asOfMinute: 430,
                                              today: .init(day: "2026-12-07", enrolled: 40, reported: [3, nil], atAsOfTime: 5),
                                              previousDay: nil, lastWeek: .init(day: "2026-11-30", enrolled: 41, reported: [2, 9], atAsOfTime: 6))),
        ]
        for message in messages {
            let bytes = try WireProtocol.frame(message)
            #expect(try WireProtocol.decode(ServerMessage.self, from: Array(bytes.dropFirst(4))) == message)
        }
    }
}

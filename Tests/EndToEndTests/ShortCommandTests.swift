import Foundation
import ProcessSupport
import Testing

/// `ShortCommand`, the bench's way to run tmux: real child processes through /bin/sh.
@Suite struct ShortCommandTests {
    @Test func capturesBothStreamsAndTheExitStatus() throws {
        let outcome = try ShortCommand.run(["sh", "-c", "printf 'out\\nput'; echo err >&2; exit 3"])
        #expect(outcome.status == 3)
        #expect(outcome.output == "out\nput")
        #expect(outcome.errors == "err\n")
    }

    @Test func isDoneWhenTheChildExitsEvenIfADaemonKeepsItsOutputOpen() throws {
        // Like `tmux new-session -d` starting the tmux server: the child exits, something it started lives on.
        let started = Date()
        let outcome = try ShortCommand.run(["sh", "-c", "sleep 5 & echo started"], timeout: 4)
        #expect(outcome.status == 0)
        #expect(outcome.output == "started\n")
        #expect(Date().timeIntervalSince(started) < 3, "it waited for the daemon")
    }

    @Test func passesItsInputAndAddedEnvironment() throws {
        let outcome = try ShortCommand.run(["sh", "-c", "cat; printf \"$EDUIOC_SHORT_COMMAND\""],
                                           environment: ["EDUIOC_SHORT_COMMAND": "đã thêm"], stdin: "dòng vào\n")
        #expect(outcome.status == 0)
        #expect(outcome.output == "dòng vào\nđã thêm")
    }

    @Test func aCommandThatOutlivesItsTimeIsKilledAndNamed() throws {
        let started = Date()
        let error = #expect(throws: ShortCommand.Failure.self) { try ShortCommand.run(["sleep", "30"], timeout: 0.5) }
        #expect(error?.description == "timed out after 0.5 s: sleep 30")
        #expect(Date().timeIntervalSince(started) < 10, "it was killed, not waited for")
    }

    @Test func aMissingProgramIsAClearError() {
        let error = #expect(throws: ShortCommand.Failure.self) { try ShortCommand.run(["no-such-program-eduioc"]) }
        #expect(error?.description.hasPrefix("cannot start no-such-program-eduioc: ") == true, "\(String(describing: error))")
    }
}

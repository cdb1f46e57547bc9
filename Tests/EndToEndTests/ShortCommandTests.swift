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

    @Test func aCommandThatOutlivesItsTimeIsKilledAndNamed() throws {
        #expect(throws: CLIError.self) { try ShortCommand.run(["sleep", "30"], timeout: 0.5) }
        do {
            _ = try ShortCommand.run(["sleep", "30"], timeout: 0.5)
        } catch {
            #expect("\(error)".contains("sleep 30: no answer within"), "\(error)")
        }
    }

    @Test func aMissingProgramIsAClearError() {
        #expect(throws: CLIError.self) { try ShortCommand.run(["no-such-program-eduioc"]) }
    }
}

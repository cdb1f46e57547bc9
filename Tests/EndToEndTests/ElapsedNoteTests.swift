@testable import eduioc
import Foundation
import Synchronization
import Testing

/// `check`'s note for its long integrity step: shown on a terminal while the step runs, erased after, never on a pipe.
@Suite("Elapsed note")
struct ElapsedNoteTests {
    @Test func aLongStepShowsItsSecondsAndErasesThemAQuickOneShowsNothing() {
        let written = Mutex<[String]>([])
        let result = ElapsedNote.run("eduioc: checking integrity", after: 0.05, isTerminal: true,
                                     write: { text in written.withLock { $0.append(text) } }) { () -> Int in
            usleep(300_000)
            return 42
        }
        #expect(result == 42)
        let notes = written.withLock { $0 }
        #expect(notes.first?.hasPrefix("\reduioc: checking integrity… 0 s") == true, "\(notes)")
        #expect(notes.last == "\r\u{1B}[K", "the note is erased at the end: \(notes)")

        let quiet = Mutex<[String]>([])
        ElapsedNote.run("quick", after: 5, isTerminal: true, write: { text in quiet.withLock { $0.append(text) } }) {}
        #expect(quiet.withLock { $0 }.isEmpty, "a step shorter than the delay writes nothing")
        let piped = Mutex<[String]>([])
        _ = ElapsedNote.run("piped", after: 0, isTerminal: false, write: { text in piped.withLock { $0.append(text) } }) {
            usleep(100_000)
        }
        #expect(piped.withLock { $0 }.isEmpty, "nothing when stderr is not a terminal")
    }
}

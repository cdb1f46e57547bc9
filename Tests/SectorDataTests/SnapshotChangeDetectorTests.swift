import SectorData
import Testing

@Suite("SnapshotChangeDetector: the watcher's state machine")
struct SnapshotChangeDetectorTests {
    private let original = FileIdentity(device: 1, inode: 100, size: 4096, modifiedNanoseconds: 1_000)

    /// A commit stamp whose wal-index shows `frames` frames (a stand-in for successive commits).
    private func stamp(_ frames: UInt8) -> SnapshotStamp {
        SnapshotStamp(header: [0, 0, 0, 1, 0, 0, 0, 2], wal: nil, walIndex: [frames, 0, 0, 0, 2, 0, 0, 0])
    }

    @Test("same file, same commit stamp: unchanged")
    func unchanged() {
        var detector = SnapshotChangeDetector(identity: original, stamp: stamp(3))
        #expect(detector.observe(identity: original, stamp: stamp(3)) == .unchanged)
    }

    @Test("a new commit stamp is changedInPlace once, then the baseline moves on")
    func stampChange() {
        var detector = SnapshotChangeDetector(identity: original, stamp: stamp(3))
        #expect(detector.observe(identity: original, stamp: stamp(4)) == .changedInPlace)
        #expect(detector.stamp == stamp(4))
        #expect(detector.observe(identity: original, stamp: stamp(4)) == .unchanged)
    }

    @Test("same inode with a new size or mtime is changedInPlace once")
    func sizeOrTimeChange() {
        var detector = SnapshotChangeDetector(identity: original, stamp: stamp(3))
        let grown = FileIdentity(device: 1, inode: 100, size: 8192, modifiedNanoseconds: 1_000)
        let touched = FileIdentity(device: 1, inode: 100, size: 8192, modifiedNanoseconds: 2_000)
        #expect(detector.observe(identity: grown, stamp: stamp(3)) == .changedInPlace)
        #expect(detector.observe(identity: grown, stamp: stamp(3)) == .unchanged)
        #expect(detector.observe(identity: touched, stamp: stamp(3)) == .changedInPlace)
        #expect(detector.identity == touched)
    }

    @Test("another inode or device is replaced, and stays replaced")
    func replaced() {
        var detector = SnapshotChangeDetector(identity: original, stamp: stamp(3))
        let renamedOver = FileIdentity(device: 1, inode: 101, size: 4096, modifiedNanoseconds: 1_000)
        let otherDevice = FileIdentity(device: 2, inode: 100, size: 4096, modifiedNanoseconds: 1_000)
        #expect(detector.observe(identity: renamedOver, stamp: nil) == .replaced)
        #expect(detector.observe(identity: renamedOver, stamp: stamp(9)) == .replaced)
        #expect(detector.observe(identity: otherDevice, stamp: nil) == .replaced)
        #expect(detector.identity == original)
    }

    @Test("no file is gone; the same file coming back is not a change")
    func gone() {
        var detector = SnapshotChangeDetector(identity: original, stamp: stamp(3))
        #expect(detector.observe(identity: nil, stamp: nil) == .gone)
        #expect(detector.observe(identity: nil, stamp: stamp(4)) == .gone)
        #expect(detector.observe(identity: original, stamp: stamp(3)) == .unchanged)
    }
}

import SectorData
import Testing

@Suite("SnapshotChangeDetector: the watcher's state machine")
struct SnapshotChangeDetectorTests {
    private let original = FileIdentity(device: 1, inode: 100, size: 4096, modifiedNanoseconds: 1_000)

    @Test("same file, same data_version: unchanged")
    func unchanged() {
        var detector = SnapshotChangeDetector(identity: original, dataVersion: 3)
        #expect(detector.observe(identity: original, dataVersion: 3) == .unchanged)
    }

    @Test("a new data_version is changedInPlace once, then the baseline moves on")
    func dataVersionChange() {
        var detector = SnapshotChangeDetector(identity: original, dataVersion: 3)
        #expect(detector.observe(identity: original, dataVersion: 4) == .changedInPlace)
        #expect(detector.dataVersion == 4)
        #expect(detector.observe(identity: original, dataVersion: 4) == .unchanged)
    }

    @Test("same inode with a new size or mtime is changedInPlace once")
    func sizeOrTimeChange() {
        var detector = SnapshotChangeDetector(identity: original, dataVersion: 3)
        let grown = FileIdentity(device: 1, inode: 100, size: 8192, modifiedNanoseconds: 1_000)
        let touched = FileIdentity(device: 1, inode: 100, size: 8192, modifiedNanoseconds: 2_000)
        #expect(detector.observe(identity: grown, dataVersion: 3) == .changedInPlace)
        #expect(detector.observe(identity: grown, dataVersion: 3) == .unchanged)
        #expect(detector.observe(identity: touched, dataVersion: 3) == .changedInPlace)
        #expect(detector.identity == touched)
    }

    @Test("another inode or device is replaced, and stays replaced")
    func replaced() {
        var detector = SnapshotChangeDetector(identity: original, dataVersion: 3)
        let renamedOver = FileIdentity(device: 1, inode: 101, size: 4096, modifiedNanoseconds: 1_000)
        let otherDevice = FileIdentity(device: 2, inode: 100, size: 4096, modifiedNanoseconds: 1_000)
        #expect(detector.observe(identity: renamedOver, dataVersion: nil) == .replaced)
        #expect(detector.observe(identity: renamedOver, dataVersion: 9) == .replaced)
        #expect(detector.observe(identity: otherDevice, dataVersion: nil) == .replaced)
        #expect(detector.identity == original)
    }

    @Test("no file is gone; the same file coming back is not a change")
    func gone() {
        var detector = SnapshotChangeDetector(identity: original, dataVersion: 3)
        #expect(detector.observe(identity: nil, dataVersion: nil) == .gone)
        #expect(detector.observe(identity: nil, dataVersion: 4) == .gone)
        #expect(detector.observe(identity: original, dataVersion: 3) == .unchanged)
    }
}

import CProcessGuard

/// glibc malloc tuning for the thin client (eduioc-view only): fewer arenas and handing freed memory back
/// (docs/PERFORMANCE.md, viewers: where a console's memory goes).
public enum MallocTuning {
    /// Limits malloc to `arenas` arenas; call before any thread starts. False when glibc refused.
    @discardableResult
    public static func limitArenas(_ arenas: Int32) -> Bool { eduioc_limit_malloc_arenas(arenas) == 1 }

    /// Returns free heap memory to the system (`malloc_trim(0)`): after a large answer was decoded and its
    /// transient buffers freed. Lowers the resident set, not the peak.
    public static func releaseFreeMemory() { _ = eduioc_release_free_memory() }
}

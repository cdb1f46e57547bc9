import CProcessGuard

/// glibc malloc tuning for the thin client (eduioc-view only): handing freed memory back (docs/PERFORMANCE.md,
/// viewers). Fewer arenas (`M_ARENA_MAX=1`) was measured and changed nothing (25.2 vs 25.3 MB peak), so it is not set.
public enum MallocTuning {
    /// Returns free heap memory to the system (`malloc_trim(0)`): after a large answer was decoded and its
    /// transient buffers freed. Lowers the resident set, not the peak.
    public static func releaseFreeMemory() { _ = eduioc_release_free_memory() }
}

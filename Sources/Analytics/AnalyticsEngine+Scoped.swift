/// The same engine for another scope: the server's one engine answers every official from the same snapshot,
/// caches and summaries, each cut to its own scope by the same `Scope` rules the in-process console uses.
extension AnalyticsEngine {
    /// This engine (snapshot, configuration, summaries, clock rule) with `scope` instead of its own.
    public func scoped(_ scope: Scope?) -> AnalyticsEngine {
        var engine = AnalyticsEngine(source: source, config: config, scope: scope, summaries: summaries,
                                     summaryKey: summaryKey)
        engine.asOfIsServerClock = asOfIsServerClock
        return engine
    }
}

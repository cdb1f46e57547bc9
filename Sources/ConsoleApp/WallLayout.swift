import ConsoleCore

/// Where each part of the wall screen goes for a terminal size. Pure.
public struct WallLayout: Sendable, Hashable {
    /// Title line: place, alerts, clock with seconds, "updated at".
    public let header: Rect
    /// Status line: date, stale banner, scope, pause.
    public let status: Rect
    /// The page indicator and the rotation state.
    public let pageBar: Rect
    /// The headline tiles, left to right.
    public let tiles: [Rect]
    /// The page's own area.
    public let body: Rect
    /// Key hints or a message.
    public let footer: Rect
    /// How many times the big numbers may be scaled (2 on a wall-sized screen).
    public let numberScale: Int

    /// The tiles shown at this width, in order (narrow screens keep the first three).
    public let figures: [HeadlineFigure]

    /// Lays the wall out in `size` (assumed at least `AppState.minimumSize`).
    public init(size: Size) {
        let w = size.columns, h = size.rows
        header = Rect(x: 0, y: 0, width: w, height: 1)
        status = Rect(x: 0, y: 1, width: w, height: 1)
        pageBar = Rect(x: 0, y: 2, width: w, height: 1)
        footer = Rect(x: 0, y: h - 1, width: w, height: 1)
        let shown: [HeadlineFigure] = w >= 100 ? HeadlineFigure.allCases : [.attendanceRate, .shareReported, .offlineSchools]
        figures = shown
        let tileWidth = w / shown.count
        // Doubled numbers need 6 rows and ~36 columns; plain big ones 3 rows; small screens get one line.
        let tileHeight: Int
        if h >= 50 && tileWidth >= 38 {
            tileHeight = 10
            numberScale = 2
        } else if h >= 30 {
            tileHeight = 7
            numberScale = 1
        } else {
            tileHeight = 4
            numberScale = 1
        }
        tiles = shown.indices.map { i in
            let x = i * tileWidth
            return Rect(x: x, y: 3, width: i == shown.count - 1 ? w - x : tileWidth, height: tileHeight)
        }
        body = Rect(x: 0, y: 3 + tileHeight, width: w, height: max(0, h - 4 - tileHeight))
    }
}

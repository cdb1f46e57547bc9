// `TextSanitizer` lives in SafeText (below ConsoleCore and Analytics); every importer of ConsoleCore sees it.
@_exported import SafeText

/// The language of `eduioc report`'s text form (JSON keys and error messages stay English).
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    /// Vietnamese, the default of the command line (as of the console).
    case vi
    /// English.
    case en

    /// `vi` or `en` for this language.
    func pick(_ en: String, _ vi: String) -> String { self == .vi ? vi : en }
}

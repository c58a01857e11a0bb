import Foundation

extension SRXRules {
  /// The default rules (``DefaultSRX``), parsed once. A test parses the same text, so a broken
  /// built-in file fails the tests, not a user's run.
  public static let builtIn: SRXRules? = {
    do {
      return try SRXRules.parse(Data(DefaultSRX.xml.utf8), file: "(built-in \(DefaultSRX.path))")
    } catch {
      assertionFailure("the built-in SRX rules do not parse: \(error)")
      return nil
    }
  }()
}

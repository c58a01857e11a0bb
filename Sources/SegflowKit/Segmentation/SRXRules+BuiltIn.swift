import Foundation

extension SRXRules {
  /// The default rules (``DefaultSRX``), parsed once. A test parses and validates the same
  /// text, so a broken built-in file fails the tests, not a user's run. Not validated here:
  /// compiling every pattern of every language cost some 54 M instructions (about 20 ms) at
  /// every process start, and a segmenter compiles the rules of its language anyway.
  public static let builtIn: SRXRules? = {
    do {
      return try SRXParser.parse(Data(DefaultSRX.xml.utf8), file: "(built-in \(DefaultSRX.path))")
    } catch {
      assertionFailure("the built-in SRX rules do not parse: \(error)")
      return nil
    }
  }()
}

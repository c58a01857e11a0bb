internal import CICU

/// A failure reported by ICU, carrying ICU's own error name (e.g. `U_ILLEGAL_ARGUMENT_ERROR`).
public struct ICUError: Error, Sendable, Equatable, CustomStringConvertible {
  /// ICU's `UErrorCode` value.
  public let code: Int32
  /// What Segflow was doing when ICU failed, e.g. "opening the sentence break iterator for 'zh'".
  public let operation: String

  public init(code: Int32, operation: String) {
    self.code = code
    self.operation = operation
  }

  /// ICU's symbolic name for the code.
  public var name: String { String(cString: CICU_errorName(code)) }

  public var description: String { "ICU failed \(operation): \(name)" }

  /// Throws when `status` is a failure; warnings pass.
  static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
    if CICU_isFailure(status) != 0 { throw ICUError(code: status, operation: operation()) }
  }
}

/// The version of the system ICU Segflow is linked to, e.g. "72.1".
public var icuVersion: String {
  var buffer = [CChar](repeating: 0, count: 32)
  CICU_version(&buffer, Int32(buffer.count))
  return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

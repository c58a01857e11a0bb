import SegflowICU

extension DocumentError {
  /// A charset conversion that failed, at its byte in the file (`skip`: bytes before the
  /// converted part, such as a byte-order mark).
  init(path: String, _ error: CharsetError, skip: Int) {
    if case .invalidBytes(let name, let offset) = error {
      self.init(path: path, message: "invalid \(name)", byte: offset + skip)
    } else {
      self.init(path: path, message: error.description)
    }
  }
}

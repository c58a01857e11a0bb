import ArgumentParser

/// Segflow's exit codes.
enum ExitStatus {
  /// At least one document failed.
  static let documentFailed = ExitCode(1)
  /// A bad command line or pipeline file.
  static let usage = ExitCode(2)
}

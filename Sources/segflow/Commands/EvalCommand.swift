import ArgumentParser

/// `segflow eval`: benchmarks against gold data.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score the engine against gold data.",
    subcommands: [EvalReflowCommand.self]
  )
}

/// An SRX file that cannot be used: not XML, not SRX 2.0, or a rule that does not compile.
///
/// Names the file, the 1-based line and, for rule problems, the language rule and the rule's
/// position in it.
public typealias SRXError = FileError

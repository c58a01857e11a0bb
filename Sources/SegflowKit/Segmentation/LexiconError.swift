/// A lexicon file that cannot be read.
public typealias LexiconError = FileError

import Foundation

/// Reads an input's bytes, from a file or standard input.
public enum DocumentReader {
  public static func read(_ input: InputDocument) throws(DocumentError) -> [UInt8] {
    if input.path == "-" {
      return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory) else {
      throw DocumentError(path: input.path, message: "no such file")
    }
    if isDirectory.boolValue { throw DocumentError(path: input.path, message: "is a folder, not a document") }
    guard let data = FileManager.default.contents(atPath: input.path) else {
      throw DocumentError(path: input.path, message: "cannot read the file (permission denied?)")
    }
    return Array(data)
  }

  /// A document ready for the pipeline.
  public static func load(_ input: InputDocument, language: String) throws(DocumentError) -> Document {
    Document(name: input.name, path: input.path, bytes: try read(input), language: language)
  }
}

import Foundation

/// An input document to process: where it is and the name its outputs and ids take.
public struct InputDocument: Sendable, Hashable {
  /// The path to read, or `-` for standard input.
  public var path: String
  /// Relative name without extension: `000_447990846ac5af44`, `2024/page1`.
  public var name: String

  public init(path: String, name: String) {
    self.path = path
    self.name = name
  }
}

/// Expands the command line's files and folders into documents, in a stable order.
public struct InputCollector {
  /// File extensions taken from folders (files named directly are always taken).
  public var extensions: Set<String>

  public init(extensions: Set<String> = ["txt", "pdf"]) {
    self.extensions = extensions
  }

  /// Documents for `arguments`, and one error for each argument that yields none.
  public func collect(_ arguments: [String]) -> (documents: [InputDocument], errors: [DocumentError]) {
    var documents: [InputDocument] = []
    var errors: [DocumentError] = []
    var seenNames: [String: String] = [:]
    let manager = FileManager.default
    for argument in arguments {
      if argument == "-" {
        documents.append(InputDocument(path: "-", name: "stdin"))
        continue
      }
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        errors.append(DocumentError(path: argument, message: "no such file or folder"))
        continue
      }
      if isDirectory.boolValue {
        let found = files(under: argument)
        if found.isEmpty {
          errors.append(DocumentError(path: argument, message: "no documents (*.\(extensions.sorted().joined(separator: ", *."))) in this folder"))
        }
        for relative in found {
          let path = (argument as NSString).appendingPathComponent(relative)
          documents.append(InputDocument(path: path, name: (relative as NSString).deletingPathExtension))
        }
      } else {
        let base = (argument as NSString).lastPathComponent
        documents.append(InputDocument(path: argument, name: (base as NSString).deletingPathExtension))
      }
    }
    // Two inputs with one name would overwrite each other's outputs: refuse the later one.
    var unique: [InputDocument] = []
    for document in documents {
      if let earlier = seenNames[document.name] {
        errors.append(DocumentError(path: document.path, message: "has the same output name '\(document.name)' as \(earlier); rename one or run them separately"))
      } else {
        seenNames[document.name] = document.path
        unique.append(document)
      }
    }
    return (unique, errors)
  }

  /// Files under `folder` with a wanted extension, as sorted relative paths; hidden files skipped.
  func files(under folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var result: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      if name.hasPrefix(".") {
        if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
        continue
      }
      guard extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
      var isDirectory: ObjCBool = false
      let full = (folder as NSString).appendingPathComponent(relative)
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
        result.append(relative)
      }
    }
    return result.sorted()
  }
}

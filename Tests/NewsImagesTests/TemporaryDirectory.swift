import Foundation

/// A fresh folder under the system's temporary directory, removed when the test is done.
struct TemporaryDirectory {
    /// Where the folder is.
    let path: String

    /// Runs `body` with a new empty folder, then deletes it and everything in it.
    static func with<Result>(_ body: (TemporaryDirectory) throws -> Result) throws -> Result {
        let path = NSTemporaryDirectory() + "toasoan-images-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(TemporaryDirectory(path: path))
    }

    /// The path of `name` inside the folder.
    func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Writes `text` to `name` inside the folder and returns its path.
    func write(_ text: String, to name: String) throws -> String {
        let path = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The names of the files in the folder, sorted.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

/// The bytes of the file at `path`.
func bytes(at path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}

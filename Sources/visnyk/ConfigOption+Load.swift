import ArgumentParser
import Foundation
import VisnykKit

extension ConfigOption {
    /// The configuration, or every problem in it on stderr and exit status 2.
    func load() throws -> VisnykConfig {
        do {
            return try ConfigLoader.load(path: path)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Console.error("fix \(path) (`visnyk check --config \(path)` lists every problem)")
            throw ExitCode(2)
        }
    }
}

import CFuzzerDriver
import Foundation

// Usage: VisnykFuzz TARGET [libFuzzer options] [corpus directories or input files]
// The target name is also passed on in VISNYK_FUZZ_TARGET, so that the processes libFuzzer
// starts itself (-minimize_crash, -merge, -fork) run the same target without the argument.
var arguments = CommandLine.arguments
if arguments.count > 1, FuzzTargets.named(arguments[1]) != nil {
    setenv("VISNYK_FUZZ_TARGET", arguments.remove(at: 1), 1)
}
guard let name = ProcessInfo.processInfo.environment["VISNYK_FUZZ_TARGET"],
      let target = FuzzTargets.named(name) else {
    let names = FuzzTargets.all.map { "  \($0.name): \($0.summary)" }.joined(separator: "\n")
    FileHandle.standardError.write(Data("usage: VisnykFuzz TARGET [libFuzzer options] [corpus...]\ntargets:\n\(names)\n".utf8))
    exit(2)
}
FuzzTargets.select(target)
var argumentCount = Int32(arguments.count)
var argumentVector: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
let status = argumentVector.withUnsafeMutableBufferPointer { vector in
    var base = vector.baseAddress
    return LLVMFuzzerRunDriver(&argumentCount, &base) { data, size in FuzzTargets.runSelected(data, size) }
}
exit(status)

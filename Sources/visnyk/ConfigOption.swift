import ArgumentParser
import VisnykKit

/// `--config FILE`, shared by every command that reads the configuration.
struct ConfigOption: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file.", valueName: "FILE"))
    var path: String = VisnykConfig.Defaults.path
}

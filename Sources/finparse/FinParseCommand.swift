import ArgumentParser

@main
struct FinParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finparse",
        abstract: "Turns Chinese government finance reports into structured, checked data.",
        subcommands: [DumpCommand.self])
}

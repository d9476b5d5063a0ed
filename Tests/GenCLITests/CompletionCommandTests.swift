import Foundation
import Testing
@testable import GenCLI

/// `gen completion bash|zsh|fish`: written from the commands' declarations, and run in the real shells.
@Suite struct CompletionCommandTests {
    static let shells = ["bash", "zsh", "fish"]

    /// The declarations `gen` itself parses with.
    static func declared() -> CompletionSource {
        let tool = GenTool.make()
        return CompletionSource(commands: tool.commands.map(\.spec), helpTopics: tool.topics.keys.sorted())
    }

    static func script(_ shell: String, _ source: CompletionSource = declared()) throws -> String {
        let generator = try #require(CompletionCommand.shells.first { $0.name == shell })
        return generator.script(source)
    }

    @Test(arguments: shells)
    func everyDeclaredCommandAndFlagIsInTheScript(shell: String) async throws {
        let run = await gen(["completion", shell])
        #expect(run.code == 0, "\(run.err)")
        let source = Self.declared()
        #expect(source.commands.contains { $0.name == "completion" })
        for command in source.commands {
            #expect(run.out.contains(command.name), "\(shell): command \(command.name)")
            for flag in command.flags {
                #expect(run.out.contains("--\(flag.name)") || run.out.contains("-l \(flag.name)"), "\(shell): \(command.name) --\(flag.name)")
                for choice in flag.choices { #expect(run.out.contains(choice), "\(shell): --\(flag.name) \(choice)") }
            }
        }
    }

    /// The property that matters: a flag added to a declaration reaches every script, with its choices.
    @Test(arguments: shells)
    func aFlagAddedToADeclarationChangesTheScript(shell: String) throws {
        var source = Self.declared()
        let index = try #require(source.commands.firstIndex { $0.name == "graph" })
        let before = try Self.script(shell, source)
        source.commands[index].flags.append(FlagSpec("colour-scheme", value: "NAME", choices: ["mauve", "teal"], help: "a new flag"))
        let after = try Self.script(shell, source)
        #expect(!before.contains("colour-scheme"))
        #expect(after.contains("colour-scheme") && after.contains("mauve") && after.contains("teal"))
    }

    @Test func anUnknownShellIsAUsageErrorWithAHint() async {
        let run = await gen(["completion", "bsh"])
        #expect(run.code == 64)
        #expect(run.err.contains("no completion for shell `bsh`") && run.err.contains("did you mean `bash`?"), "\(run.err)")
    }

    // MARK: the scripts in their shells

    /// What bash's completion function offers for the command line `words` (the last word is being completed).
    static func bashCompletions(_ words: [String], script: String? = nil, in directory: URL? = nil) throws -> [String] {
        let file = try TemporaryDirectory()
        defer { file.remove() }
        let path = try file.file("gen.bash", script ?? Self.script("bash"))
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let run = try ShellRun("bash", ["--norc", "--noprofile", "-c",
            "source '\(path)'; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _gen; printf '%s\\n' \"${COMPREPLY[@]}\""],
            in: directory)
        #expect(run.code == 0 && run.err.isEmpty, "bash: \(run.err)")
        return run.lines
    }

    @Test func bashCompletesCommandsFlagsAndChoices() throws {
        #expect(try Self.bashCompletions(["gen", "ru"]) == ["run"])
        // Every declared command that starts with `c`, from the declarations (a new command changes the answer).
        let startingWithC = Self.declared().commands.map(\.name).filter { $0.hasPrefix("c") }.sorted()
        #expect(startingWithC.contains("completion") && startingWithC.contains("check"))
        #expect(try Self.bashCompletions(["gen", "c"]) == startingWithC)
        #expect(try Self.bashCompletions(["gen", "graph", "--f"]) == ["--format"])
        #expect(try Self.bashCompletions(["gen", "graph", "--format", ""]) == ["dot", "json", "text"])
        // `--format=d`: bash splits it into `--format`, `=` and `d`.
        #expect(try Self.bashCompletions(["gen", "graph", "--format", "=", "d"]) == ["dot"])
        #expect(try Self.bashCompletions(["gen", "completion", ""]) == ["bash", "fish", "zsh"])
        #expect(try Self.bashCompletions(["gen", "help", "cap"]) == ["capabilities"])
        #expect(try Self.bashCompletions(["gen", "run", "--seed", ""]) == [])
    }

    @Test func bashCompletesScriptsAndDirectoriesForPaths() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.file("spam.gen", "gen 0.1\n")
        _ = try directory.file("notes.txt", "")
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("runs"), withIntermediateDirectories: true)
        #expect(try Self.bashCompletions(["gen", "check", ""], in: directory.url) == ["runs", "spam.gen"])
        #expect(try Self.bashCompletions(["gen", "run", "--out", ""], in: directory.url) == ["runs"])
        #expect(try Self.bashCompletions(["gen", "eval", "--test", "no"], in: directory.url) == ["notes.txt"])
    }

    @Test func bashCompletesAFlagAddedToADeclaration() throws {
        var source = Self.declared()
        let index = try #require(source.commands.firstIndex { $0.name == "graph" })
        source.commands[index].flags.append(FlagSpec("colour-scheme", value: "NAME", choices: ["mauve", "teal"], help: "a new flag"))
        let script = try Self.script("bash", source)
        #expect(try Self.bashCompletions(["gen", "graph", "--col"], script: script) == ["--colour-scheme"])
        #expect(try Self.bashCompletions(["gen", "graph", "--colour-scheme", ""], script: script) == ["mauve", "teal"])
    }

    /// What fish offers for `commandLine`, first column only (fish prints `word<TAB>description`).
    static func fishCompletions(_ commandLine: String, in directory: URL? = nil) throws -> [String] {
        let file = try TemporaryDirectory()
        defer { file.remove() }
        let path = try file.file("gen.fish", Self.script("fish"))
        let run = try ShellRun("fish", ["--no-config", "-c", "source '\(path)'; complete -C '\(commandLine)'"], in: directory)
        #expect(run.code == 0 && run.err.isEmpty, "fish: \(run.err)")
        return run.lines.map { String($0.prefix { $0 != "\t" }) }
    }

    @Test func fishCompletesCommandsFlagsChoicesAndScripts() throws {
        #expect(try Self.fishCompletions("gen ru") == ["run"])
        #expect(try Self.fishCompletions("gen graph --form") == ["--format"])
        #expect(try Self.fishCompletions("gen graph --format ") == ["dot", "json", "text"])
        #expect(try Self.fishCompletions("gen completion ") == ["bash", "fish", "zsh"])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.file("spam.gen", "gen 0.1\n")
        _ = try directory.file("notes.txt", "")
        #expect(try Self.fishCompletions("gen check ", in: directory.url) == ["spam.gen"])
    }

    /// zsh's completion system runs only inside its line editor: `ZshCapture` drives an interactive zsh on a
    /// pseudo-terminal (zpty), presses Tab after `commandLine` and lists the words zsh offers.
    static func zshCompletions(_ commandLine: String, in directory: URL? = nil) throws -> [String] {
        let file = try TemporaryDirectory()
        defer { file.remove() }
        let completion = try file.file("_gen", Self.script("zsh"))
        let capture = try file.file("capture.zsh", ZshCapture.script)
        let run = try ShellRun("zsh", ["-f", capture, completion, commandLine], in: directory)
        #expect(run.code == 0 && run.err.isEmpty, "zsh: \(run.err)")
        return run.lines
    }

    @Test func zshParsesTheScriptAndRegistersIt() throws {
        let file = try TemporaryDirectory()
        defer { file.remove() }
        let path = try file.file("_gen", Self.script("zsh"))
        let syntax = try ShellRun("zsh", ["-n", path])
        #expect(syntax.code == 0 && syntax.err.isEmpty, "zsh -n: \(syntax.err)")
        let loaded = try ShellRun("zsh", ["-f", "-c",
            "autoload -Uz compinit && compinit -u -D && source '\(path)' && print -r -- $_comps[gen]"])
        #expect(loaded.code == 0 && loaded.out == "_gen\n", "zsh: \(loaded.out) \(loaded.err)")
    }

    @Test func zshCompletesCommandsFlagsChoicesAndPathsInItsLineEditor() throws {
        #expect(try Self.zshCompletions("gen ru") == ["run"])
        #expect(try Self.zshCompletions("gen c") == Self.declared().commands.map(\.name).filter { $0.hasPrefix("c") }.sorted())
        #expect(try Self.zshCompletions("gen graph --form") == ["--format"])
        #expect(try Self.zshCompletions("gen graph --format ") == ["dot", "json", "text"])
        #expect(try Self.zshCompletions("gen graph --format=d") == ["dot"])
        #expect(try Self.zshCompletions("gen completion ") == ["bash", "fish", "zsh"])
        #expect(try Self.zshCompletions("gen help cap") == ["capabilities"])
        #expect(try Self.zshCompletions("gen run --seed ") == [], "a number: nothing to offer")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("runs"), withIntermediateDirectories: true)
        _ = try directory.file("spam.gen", "gen 0.1\n")
        _ = try directory.file("notes.txt", "")
        #expect(try Self.zshCompletions("gen check ", in: directory.url) == ["runs", "spam.gen"])
        #expect(try Self.zshCompletions("gen run --out ", in: directory.url) == ["runs"])
        #expect(try Self.zshCompletions("gen eval --test no", in: directory.url) == ["notes.txt"])
    }
}

/// Drives zsh's completion in a real line editor: an interactive `zsh -f` on a pseudo-terminal (zsh/zpty), the
/// completion file sourced after compinit, Tab bound to complete-word; `compadd` is wrapped to print each match.
enum ZshCapture {
    static let script = #"""
# zsh -f capture.zsh COMPLETION_FILE 'COMMAND LINE': the words zsh's completion offers at the end of the line.
zmodload zsh/zpty zsh/datetime || exit 1
zpty shell zsh -f -i
zpty -w shell "PROMPT=''; autoload -Uz compinit; compinit -u -D; source ${(q)1}; bindkey '^I' complete-word"
zpty -w shell 'compprefuncs=( _gen_begin ); comppostfuncs=( _gen_end ); _gen_begin() { print "<<"BEGIN">>" }; _gen_end() { print "<<"END">>" }'
# Every match added is printed (the markers are split where the shell echoes the command); calls that only ask what would match (-O, -A, -D) are left alone.
zpty -w shell 'compadd() { if [[ " ${@[1,(i)--]} " == *" -"[OAD]* ]]; then builtin compadd "$@"; return; fi; local -a hits; builtin compadd -A hits "$@"; print -l -- "<<"HIT">>"${^hits}; builtin compadd "$@" }'
zpty -w -n shell "$2"$'\t'
local output= chunk deadline=$(( EPOCHREALTIME + 120 ))
while (( EPOCHREALTIME < deadline )); do
  if zpty -r -t shell chunk; then output+=$chunk; [[ $output == *'<<END>>'* ]] && break; else sleep 0.02; fi
done
zpty -d shell
[[ $output == *'<<END>>'* ]] || { print -u2 "no completion within 120 s"; exit 2 }
print -r -- ${output//$'\r'/} | sed -n 's/^<<HIT>>//p' | sort -u
"""#
}

// The Gen extension's client: starts `gen lsp` over stdio for .gen files. Highlighting comes from the
// TextMate grammar alone, so it works before (and without) the server.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

/** The server's command line, from the `gen.server.*` settings. */
function serverOptions() {
  const settings = vscode.workspace.getConfiguration("gen");
  const command = settings.get("server.path") || "gen";
  const args = ["lsp", ...settings.get("server.arguments", [])];
  // The same command for running and debugging: `gen lsp` has no separate debug mode.
  const executable = { command, args, transport: TransportKind.stdio };
  return { run: executable, debug: executable };
}

function clientOptions() {
  return {
    documentSelector: [{ scheme: "file", language: "gen" }, { scheme: "untitled", language: "gen" }],
    // Imports and data files live beside scripts: re-check when any .gen file in the workspace changes.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.gen") },
    outputChannelName: "Gen",
  };
}

async function start() {
  client = new LanguageClient("gen", "Gen language server", serverOptions(), clientOptions());
  try {
    await client.start();
  } catch (error) {
    const path = vscode.workspace.getConfiguration("gen").get("server.path") || "gen";
    vscode.window.showErrorMessage(
      `Gen: could not start \`${path} lsp\` (${error.message}). Set "gen.server.path" to the gen executable.`
    );
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("gen.restartServer", async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("gen.server")) {
        await stop();
        await start();
      }
    })
  );
  return start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };

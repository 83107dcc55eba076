// Starts the pmm-lint language server (dist/server.js) over node IPC.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../../server/src/protocol';

export const MARKDOWN_SELECTOR = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: MARKDOWN_SELECTOR,
    outputChannel: output,
    // Pushed diagnostics: the server's debounce and run-on-save settings then apply.
    initializationOptions: { diagnosticMode: 'push' },
  };
  return new LanguageClient('pmmLint', 'PMM Lint', serverOptions, clientOptions);
}

// Starts the pmm-lint language server (dist/server.js) over node IPC.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { withRevealCommands } from './insertions';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/protocol';

export const MARKDOWN_SELECTOR = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV, env: { ...process.env, ...SERVER_ENV } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'], env: { ...process.env, ...SERVER_ENV } } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: MARKDOWN_SELECTOR,
    outputChannel: output,
    // Pushed diagnostics: the server's debounce and run-on-save settings then apply.
    initializationOptions: { diagnosticMode: 'push' },
    errorHandler: restartingErrorHandler(output),
    middleware: {
      // "Insert missing element" from the light bulb shows what it inserted (insertions.ts).
      provideCodeActions: async (document, range, context, token, next) => withRevealCommands(await next(document, range, context, token)),
    },
  };
  return new LanguageClient('pmmLint', 'PMM Lint', serverOptions, clientOptions);
}

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * If the server process dies (killed, out of memory), start it again: the client then re-opens the documents and
 * their diagnostics come back. Quietly (a line in the log) up to 4 times in 3 minutes; after that a message in the
 * user's language says so and how to start it by hand. Errors on the connection are logged and the client goes on.
 */
export function restartingErrorHandler(output: vscode.LogOutputChannel): ErrorHandler {
  const stops: number[] = [];
  return {
    error: (error, _message, count) => {
      output.error(`pmm-lint: connection error ${count ?? ''}: ${error.message}`);
      return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed: () => {
      const now = Date.now();
      stops.push(now);
      while (stops.length && now - stops[0] > RESTART_WINDOW_MS) stops.shift();
      if (stops.length > MAX_RESTARTS) {
        return {
          action: CloseAction.DoNotRestart,
          message: vscode.l10n.t('The PMM Lint server stopped {0} times in 3 minutes and was not restarted. Run "PMM: Restart Language Server" to start it again.', stops.length),
        };
      }
      return { action: CloseAction.Restart, message: vscode.l10n.t('The PMM Lint server stopped unexpectedly; it was restarted.'), handled: true };
    },
  };
}

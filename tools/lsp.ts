// A small LSP client for tests: spawns the built server (bin/pmm-lint-server.js) over stdio, or talks to an
// in-process server over streams, and speaks the protocol as an editor does. Waits are on notifications,
// bounded by a timeout that fails the test with what was received.

import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough } from 'node:stream';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.resolve(__dirname, '..');
export const SERVER_BIN = path.join(ROOT, 'bin', 'pmm-lint-server.js');

export const uriOf = (file: string) => pathToFileURL(file).href;

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  /** Answers workspace/configuration (advertised when given). */
  settings?: (scopeUri: string | undefined, section: string | undefined) => unknown;
  initializationOptions?: unknown;
  rootPath?: string;
  workspaceFolders?: string[];
  locale?: string;
  /** Connect to these streams instead of spawning the server. */
  streams?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
  /** Node options for a spawned server (the bench passes SERVER_EXEC_ARGV, as the VS Code client does). */
  execArgv?: string[];
  /** How to reach a spawned server: stdio (default) or node IPC, as the VS Code client does. */
  transport?: 'stdio' | 'ipc';
  /** Sent as initialize's processId (the server exits when that process dies); null for in-process servers. */
  processId?: number | null;
  env?: NodeJS.ProcessEnv;
  /** The server's bin script (default: this checkout's bin/pmm-lint-server.js). */
  serverBin?: string;
}

type Waiter = { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: Array<{ type: number; message: string }> = [];
  readonly shown: Array<{ type: number; message: string }> = [];
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  readonly docs = new Map<string, TextDocument>();
  refreshes = 0;
  initializeResult!: InitializeResult;
  private waiters: Waiter[] = [];
  private readonly registrationWaiters = new Map<string, () => void>();
  private exited: Promise<number | null> | null = null;

  private constructor(
    readonly conn: MessageConnection,
    readonly proc: ChildProcess | null,
    readonly stderr: string[],
  ) {}

  static async start(options: ClientOptions = {}): Promise<LspClient> {
    let conn: MessageConnection;
    let proc: ChildProcess | null = null;
    const stderr: string[] = [];
    if (options.streams) {
      conn = createMessageConnection(new StreamMessageReader(options.streams.input), new StreamMessageWriter(options.streams.output));
    } else if (options.transport === 'ipc') {
      proc = fork(options.serverBin ?? SERVER_BIN, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, ...options.env }, execArgv: options.execArgv ?? [] });
      proc.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
      conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    } else {
      proc = spawn(process.execPath, [...(options.execArgv ?? []), options.serverBin ?? SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
      proc.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
      conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    }
    const client = new LspClient(conn, proc, stderr);
    if (proc) client.exited = new Promise((resolve) => proc!.on('exit', (code) => resolve(code)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.push(p);
      for (const w of [...client.waiters]) {
        if (w.uri === p.uri && w.test(p)) {
          client.waiters.splice(client.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    conn.onNotification('window/logMessage', (p: { type: number; message: string }) => void client.logs.push(p));
    conn.onNotification('window/showMessage', (p: { type: number; message: string }) => void client.shown.push(p));
    conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      client.shown.push(p);
      return null;
    });
    conn.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      client.registrations.push(...p.registrations);
      for (const r of p.registrations) client.registrationWaiters.get(r.method)?.();
      return null;
    });
    conn.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshes++;
      return null;
    });
    conn.onRequest('workspace/configuration', async (p: { items: Array<{ scopeUri?: string; section?: string }> }) =>
      Promise.all(p.items.map(async (item) => (await options.settings?.(item.scopeUri, item.section)) ?? null)),
    );
    conn.listen();

    const capabilities: ClientCapabilities = options.capabilities ?? {
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
    };
    if (options.settings) capabilities.workspace = { ...capabilities.workspace, configuration: true, didChangeConfiguration: { dynamicRegistration: true } };
    const folders = options.workspaceFolders ?? (options.rootPath ? [options.rootPath] : []);
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: options.processId !== undefined ? options.processId : options.streams ? null : process.pid,
      rootUri: options.rootPath ? uriOf(options.rootPath) : null,
      workspaceFolders: folders.length ? folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })) : null,
      capabilities,
      locale: options.locale,
      initializationOptions: options.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): TextDocument {
    const doc = TextDocument.create(uri, languageId, version, text);
    this.docs.set(uri, doc);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return doc;
  }

  /** Applies changes locally and sends them; returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const doc = this.docs.get(uri)!;
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.docs.set(uri, next);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  replaceAll(uri: string, text: string): number {
    return this.change(uri, [{ text }]);
  }

  save(uri: string): void {
    void this.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  /** The next publishDiagnostics for `uri` that passes `test` (already received ones count when `past`). */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, { past = false, timeoutMs = 15000 } = {}): Promise<PublishDiagnosticsParams> {
    if (past) {
      const hit = [...this.published].reverse().find((p) => p.uri === uri);
      if (hit && test(hit)) return Promise.resolve(hit);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { uri, test, resolve: (p) => (clearTimeout(timer), resolve(p)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        const got = this.published.filter((p) => p.uri === uri).map((p) => `v${p.version}:${p.diagnostics.length}`);
        reject(new Error(`no matching publishDiagnostics for ${uri} within ${timeoutMs} ms (received: ${got.join(', ') || 'none'}; stderr: ${this.stderr.join('')})`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Diagnostics for a given version of the document. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version, { past: true });
  }

  /** Resolves when the server has registered a capability (dynamic registration). */
  registered(method: string, timeoutMs = 15000): Promise<void> {
    if (this.registrations.some((r) => r.method === method)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not register ${method} within ${timeoutMs} ms`)), timeoutMs);
      this.registrationWaiters.set(method, () => (clearTimeout(timer), resolve()));
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  /** shutdown + exit; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    const code = this.exited ? await this.exited : null;
    this.conn.dispose();
    return code;
  }

  kill(): void {
    this.conn.dispose();
    this.proc?.kill();
  }
}

/** An in-process pair of streams: what the client writes the server reads, and back. */
export function streamPair() {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  return { server: { input: toServer, output: toClient }, client: { input: toClient, output: toServer } };
}

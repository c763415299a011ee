/**
 * A minimal Language Server Protocol client over stdio, enough to drive the real
 * yaml-language-server the way an editor does: open a file, read its diagnostics, ask for
 * completion and hover.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface LspDiagnostic {
  message: string;
  severity?: number;
  range: { start: { line: number; character: number } };
}

export interface CompletionItem {
  label: string;
  detail?: string;
  documentation?: string | { kind: string; value: string };
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

/** Where the language server's entry point is installed, or undefined when it is not. */
export function yamlLanguageServerPath(): string | undefined {
  try {
    const main = createRequire(import.meta.url).resolve('yaml-language-server');
    const bin = main.replace(/out[\\/]server[\\/]src[\\/]index\.js$/, 'bin/yaml-language-server');
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

const SETTINGS = {
  yaml: {
    validate: true,
    hover: true,
    completion: true,
    // Offline, as on a fresh machine: nothing is fetched from the JSON Schema Store.
    schemaStore: { enable: false },
  },
};

export class YamlLanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  private readonly diagnostics = new Map<string, LspDiagnostic[]>();
  private readonly diagnosticWaiters: Array<() => void> = [];

  constructor(bin: string) {
    this.child = spawn(process.execPath, [bin, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.resume();
  }

  async start(rootFolder: string): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootFolder).href,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: {},
        },
      },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: SETTINGS });
  }

  /** Opens the file with the given text and waits for the diagnostics the server publishes. */
  async open(path: string, text: string): Promise<LspDiagnostic[]> {
    const uri = pathToFileURL(path).href;
    this.diagnostics.delete(uri);
    this.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    while (!this.diagnostics.has(uri)) {
      await new Promise<void>((resolve) => this.diagnosticWaiters.push(resolve));
    }
    return this.diagnostics.get(uri) ?? [];
  }

  async completion(path: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = (await this.request('textDocument/completion', {
      textDocument: { uri: pathToFileURL(path).href },
      position: { line, character },
    })) as { items: CompletionItem[] } | CompletionItem[] | null;
    if (result === null) return [];
    return Array.isArray(result) ? result : result.items;
  }

  /** The hover text at a position, or '' when the server shows nothing. */
  async hover(path: string, line: number, character: number): Promise<string> {
    const result = (await this.request('textDocument/hover', {
      textDocument: { uri: pathToFileURL(path).href },
      position: { line, character },
    })) as { contents: { value: string } | string } | null;
    if (result === null) return '';
    return typeof result.contents === 'string' ? result.contents : result.contents.value;
  }

  async stop(): Promise<void> {
    await this.request('shutdown', null).catch(() => undefined);
    this.notify('exit', null);
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.child.kill();
          resolve();
        }, 2000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) =>
        message.error ? reject(new Error(message.error.message)) : resolve(message.result),
      );
      this.send({ id, method, params });
    });
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private send(message: Message): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(
        /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1],
      );
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString()) as Message;
      this.buffer = this.buffer.subarray(start + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.method === undefined && message.id !== undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: LspDiagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      for (const wake of this.diagnosticWaiters.splice(0)) wake();
      return;
    }
    if (message.id !== undefined) {
      // A request from the server (configuration, capability registration...): answer it.
      const result =
        message.method === 'workspace/configuration'
          ? ((message.params as { items: Array<{ section?: string }> }).items ?? []).map((item) =>
              item.section === 'yaml' ? SETTINGS.yaml : null,
            )
          : null;
      this.send({ id: message.id, result });
    }
  }
}

// One way to read a file that pmm-lint did not write (a document, a config, a checklist): only regular files,
// with their size checked before reading and again while reading, so `/dev/zero`, a FIFO, a socket or a file that
// grows while it is read never holds the process or floods its memory.

import * as fs from 'node:fs';

export type ReadFailure =
  /** A FIFO, device, socket or directory: never read (a FIFO would block, /dev/zero never ends). */
  | { ok: false; reason: 'not-a-file' }
  /** Larger than the limit (`size` is what was seen: the size reported, or the bytes read before stopping). */
  | { ok: false; reason: 'too-large'; size: number }
  /** A NUL byte in the first 8 KB. */
  | { ok: false; reason: 'binary' }
  /** The system's error code (ENOENT, EACCES, EISDIR...). */
  | { ok: false; reason: 'unreadable'; code: string };

export type SourceRead = { ok: true; text: string; size: number } | ReadFailure;

const CHUNK = 64 * 1024;

export function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** UTF-8 text without its byte order mark. */
export function decodeText(buf: Buffer): string {
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads a regular file of at most `maxBytes` as UTF-8 (BOM removed). The file is opened without blocking (a FIFO
 * opens at once instead of waiting for a writer), then checked on the open descriptor, so a path swapped after a
 * check cannot slip through; the read stops at `maxBytes + 1` bytes whatever the size said.
 */
export function readSource(file: string, maxBytes: number, options: { binary?: 'refuse' | 'allow' } = {}): SourceRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: 'unreadable', code: errorCode(error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) return { ok: false, reason: 'too-large', size: Math.max(total, stat.size) };
    }
    const data = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    if (options.binary !== 'allow' && looksBinary(data)) return { ok: false, reason: 'binary' };
    return { ok: true, text: decodeText(data), size: total };
  } catch (error) {
    return { ok: false, reason: 'unreadable', code: errorCode(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a stream (stdin) up to `maxBytes`; past it, stops reading and says how much it had seen. */
export function readStreamBounded(stream: NodeJS.ReadableStream, maxBytes: number): Promise<{ ok: true; buf: Buffer } | { ok: false; size: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += b.length;
      if (total > maxBytes) {
        cleanup();
        stream.pause();
        resolve({ ok: false, size: total });
        return;
      }
      chunks.push(b);
    };
    const onEnd = () => {
      cleanup();
      resolve({ ok: true, buf: Buffer.concat(chunks, total) });
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}

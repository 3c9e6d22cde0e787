import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * A JSON object whose entries are produced on demand. Large manifest sections
 * are built this way so that one entry at a time exists in memory while
 * streaming, and the same producer can still be materialised for small tests.
 *
 * An entry's value is either another LazyObject or a plain JSON value, which
 * is serialised whole: plain values should stay small (one node, one map entry).
 */
export class LazyObject {
  constructor(readonly entries: () => Iterable<readonly [string, unknown]>) {}
}

/** Turns a {@link LazyObject} tree into plain objects, in entry order. */
export function materialize(value: unknown): unknown {
  if (!(value instanceof LazyObject)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of value.entries()) {
    out[key] = materialize(entry);
  }
  return out;
}

/** Small chunks are joined first: one write per node would spend more time in stream bookkeeping than in I/O. */
const FLUSH_CHARS = 1 << 20;

/**
 * Writes a value as compact JSON, byte-identical to
 * `JSON.stringify(materialize(value))`, without ever holding the whole text,
 * and waits for `drain` whenever the file stream's buffer is full.
 * Resolves to the number of bytes written.
 */
export async function writeJsonStream(
  path: string,
  value: unknown,
): Promise<number> {
  const stream = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => {
    stream.once('error', reject);
  });
  failed.catch(() => {});
  let pending: string[] = [];
  let pendingChars = 0;
  let bytes = 0;

  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingChars = 0;
    bytes += chunk.length;
    if (!stream.write(chunk)) {
      await Promise.race([once(stream, 'drain'), failed]);
    }
  };
  const emit = async (text: string) => {
    pending.push(text);
    pendingChars += text.length;
    if (pendingChars >= FLUSH_CHARS) await flush();
  };
  const visit = async (node: unknown): Promise<void> => {
    if (!(node instanceof LazyObject)) {
      await emit(JSON.stringify(node));
      return;
    }
    await emit('{');
    let first = true;
    for (const [key, entry] of node.entries()) {
      await emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      await visit(entry);
    }
    await emit('}');
  };

  try {
    await visit(value);
    await flush();
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return bytes;
}

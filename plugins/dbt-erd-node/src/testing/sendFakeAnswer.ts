import { ServerResponse } from 'node:http';
import { FakeAnswer, FakeFault } from './fakeTypes';

/** Faults that change how an answer's body is sent. */
export type BodyFault = Extract<
  FakeFault,
  {
    kind:
      | 'reset-mid-body'
      | 'slow-body'
      | 'truncated-json'
      | 'oversized'
      | 'chunked';
  }
>;

const JSON_HEADERS = { 'content-type': 'application/json' };
const PAD_CHUNK_BYTES = 64 * 1024;

/** Sends an answer, applying a body fault when one was injected. */
export function sendFakeAnswer(
  res: ServerResponse,
  answer: FakeAnswer,
  fault?: BodyFault,
  headers: Record<string, string> = {},
): void {
  const { status, body } = answer;
  switch (fault?.kind) {
    case 'chunked':
      // No Content-Length: Node falls back to chunked transfer encoding.
      res.writeHead(status, { ...JSON_HEADERS, ...headers });
      res.write(body.subarray(0, body.length >> 1));
      res.end(body.subarray(body.length >> 1));
      return;
    case 'truncated-json':
      sendWhole(res, status, body.subarray(0, body.length >> 1), headers);
      return;
    case 'reset-mid-body':
      res.writeHead(status, {
        ...JSON_HEADERS,
        ...headers,
        'content-length': String(body.length),
      });
      res.write(body.subarray(0, Math.max(1, body.length >> 1)), () =>
        res.socket?.destroy(),
      );
      return;
    case 'slow-body':
      sendSlowly(
        res,
        status,
        body,
        fault.delayMs,
        fault.chunkBytes ?? 16,
        headers,
      );
      return;
    case 'oversized':
      sendPadding(
        res,
        status,
        fault.bytes,
        fault.contentLength ?? true,
        headers,
      );
      return;
    default:
      sendWhole(res, status, body, headers);
  }
}

function sendWhole(
  res: ServerResponse,
  status: number,
  body: Buffer,
  headers: Record<string, string>,
) {
  res.writeHead(status, {
    ...JSON_HEADERS,
    ...headers,
    'content-length': String(body.length),
  });
  res.end(body);
}

function sendSlowly(
  res: ServerResponse,
  status: number,
  body: Buffer,
  delayMs: number,
  chunkBytes: number,
  headers: Record<string, string>,
) {
  res.writeHead(status, {
    ...JSON_HEADERS,
    ...headers,
    'content-length': String(body.length),
  });
  let offset = 0;
  const timer = setInterval(() => {
    if (res.destroyed) {
      clearInterval(timer);
      return;
    }
    const chunk = body.subarray(offset, offset + chunkBytes);
    offset += chunk.length;
    if (offset >= body.length) {
      clearInterval(timer);
      res.end(chunk);
    } else {
      res.write(chunk);
    }
  }, delayMs);
  res.on('close', () => clearInterval(timer));
}

/** `bytes` of valid JSON (`{"pad":"xxx…"}`), generated as it is sent, with back-pressure. */
function sendPadding(
  res: ServerResponse,
  status: number,
  bytes: number,
  withLength: boolean,
  headers: Record<string, string>,
) {
  const head = Buffer.from('{"pad":"');
  const tail = Buffer.from('"}');
  const padBytes = Math.max(0, bytes - head.length - tail.length);
  res.writeHead(status, {
    ...JSON_HEADERS,
    ...headers,
    ...(withLength
      ? { 'content-length': String(head.length + padBytes + tail.length) }
      : {}),
  });
  res.write(head);
  let remaining = padBytes;
  const pump = () => {
    while (remaining > 0 && !res.destroyed) {
      const size = Math.min(PAD_CHUNK_BYTES, remaining);
      remaining -= size;
      if (!res.write(Buffer.alloc(size, 'x'))) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}

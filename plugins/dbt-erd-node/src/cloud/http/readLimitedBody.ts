import { BodySink } from './bodySinks';

/** A response body as undici (or any Node stream) delivers it. */
export interface StreamingBody extends AsyncIterable<Buffer> {
  destroy(): unknown;
}

/**
 * Streams a body into a sink, failing as soon as Content-Length or the bytes
 * received so far pass `maxBytes`: an oversized artifact is never buffered,
 * and its connection is closed instead of drained.
 */
export async function readLimitedBody<T>(options: {
  body: StreamingBody;
  contentLength?: number;
  maxBytes: number;
  sink: (contentLength?: number) => BodySink<T>;
  tooLarge: () => Error;
}): Promise<T> {
  const { body, contentLength, maxBytes } = options;
  if (contentLength !== undefined && contentLength > maxBytes) {
    // No error argument: an 'error' event nobody listens to would crash.
    body.destroy();
    throw options.tooLarge();
  }
  const sink = options.sink(contentLength);
  let received = 0;
  // Leaving the loop early (throw) destroys the stream and its socket.
  for await (const chunk of body) {
    received += chunk.length;
    if (received > maxBytes) throw options.tooLarge();
    sink.write(chunk);
  }
  return sink.finish();
}

/**
 * A body's chunks passed on as they come, with the same limit as
 * {@link readLimitedBody}: for a reader that consumes the bytes as they
 * stream (the engine's scanner) instead of a sink that collects them.
 */
export async function* limitedChunks(options: {
  body: StreamingBody;
  contentLength?: number;
  maxBytes: number;
  tooLarge: () => Error;
  /** Told the size of each chunk as it passes. */
  onChunk?: (bytes: number) => void;
}): AsyncIterable<Buffer> {
  const { body, contentLength, maxBytes } = options;
  if (contentLength !== undefined && contentLength > maxBytes) {
    body.destroy();
    throw options.tooLarge();
  }
  let received = 0;
  // A reader that stops early (throws, returns) destroys the stream and its socket.
  for await (const chunk of body) {
    received += chunk.length;
    if (received > maxBytes) throw options.tooLarge();
    options.onChunk?.(chunk.length);
    yield chunk;
  }
}

/** Content-Length as a number, or undefined when absent or malformed. */
export function contentLengthOf(
  headers: Record<string, string | string[] | undefined>,
): number | undefined {
  const value = headers['content-length'];
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

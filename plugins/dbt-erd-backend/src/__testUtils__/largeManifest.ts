import { demoArtifacts } from './demoArtifacts';

/**
 * The demo manifest padded with macros to about `megabytes` MB, produced
 * lazily chunk by chunk: a test can stream a manifest far larger than it
 * could hold (or than a JavaScript string can) without ever holding it.
 */
export async function* largeManifest(
  megabytes: number,
): AsyncGenerator<Uint8Array> {
  const { macros: _macros, ...manifest } = demoArtifacts['manifest.json'];
  const head = JSON.stringify(manifest);
  yield Buffer.from(`${head.slice(0, -1)},"macros":{`);
  const sql = 'x'.repeat(64 * 1024 - 100);
  const target = megabytes * 1024 * 1024;
  let written = head.length;
  for (let i = 0; written < target; i += 1) {
    const entry = Buffer.from(
      `${i ? ',' : ''}"macro.pad.m${i}":{"name":"m${i}","macro_sql":"${sql}"}`,
    );
    written += entry.byteLength;
    yield entry;
  }
  yield Buffer.from('}}');
}

import { ErdInputError } from '../../errors';
import { buildManifest, modelNode } from '../../__testUtils__/artifacts';
import { indexArtifacts } from '../indexArtifacts';
import { chunksOf, jsonBytes } from './__testUtils__/byteChunks';
import { trickyArtifacts } from './__testUtils__/trickyProject';
import {
  indexManifestBytes,
  indexManifestBytesSync,
} from './indexManifestBytes';

const encode = (text: string) => new TextEncoder().encode(text);
const { manifest, catalog } = trickyArtifacts();

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('indexManifestBytes on broken input', () => {
  it('refuses a manifest cut short anywhere, naming manifest.json', async () => {
    const bytes = jsonBytes(manifest);
    const step = Math.max(1, Math.floor(bytes.length / 97));
    for (let cut = 0; cut < bytes.length; cut += step) {
      const truncated = bytes.subarray(0, cut);
      expect(() => indexManifestBytesSync(truncated, catalog)).toThrow(
        ErdInputError,
      );
      expect(() => indexManifestBytesSync(truncated, catalog)).toThrow(
        /^manifest\.json: /,
      );
    }
    await expect(
      indexManifestBytes(chunksOf(bytes.subarray(0, bytes.length - 1), 5)),
    ).rejects.toThrow(
      /^manifest\.json: the file ends at byte \d+, before its JSON document does/,
    );
  });

  it('refuses a catalog cut short, naming catalog.json', async () => {
    const bytes = jsonBytes(catalog);
    await expect(
      indexManifestBytes(jsonBytes(manifest), bytes.subarray(0, 100)),
    ).rejects.toThrow(/^catalog\.json: the file ends at byte 100/);
  });

  it.each([
    [
      'bytes after the document',
      '{"nodes": {}} {}',
      /at byte 14 \(expected the end of the file\)/,
    ],
    ['a missing colon', '{"nodes" {}}', /at byte 9 \(expected ':'\)/],
    [
      'a missing comma',
      '{"nodes": {"model.a.b": {} "x": 1}}',
      /expected ',' or '}'/,
    ],
    [
      'a key that is not a string',
      '{nodes: {}}',
      /at byte 1 \(expected a key\)/,
    ],
    [
      'a bad value in a skipped section',
      '{"nodes": {}, "macros": ]}',
      /expected a value/,
    ],
    [
      'invalid JSON inside an entry',
      '{"nodes": {"model.a.b": {"name": tru}}}',
      /^manifest\.json: nodes\.model\.a\.b is not valid JSON \(/,
    ],
  ])('refuses %s, saying where', (_name, text, message) => {
    const error = errorOf(() => indexManifestBytesSync(encode(text)));
    expect(error).toBeInstanceOf(ErdInputError);
    expect(error.message).toMatch(/^manifest\.json: /);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['a document that is not an object', '[1, 2]'],
    ['nodes that are missing', '{"metadata": {}}'],
    ['nodes that are null', '{"nodes": null}'],
    ['nodes that are a list', '{"nodes": []}'],
    ['sources that are a string', '{"nodes": {}, "sources": "x"}'],
    ['a node that is not an object', '{"nodes": {"model.a.b": 3}}'],
    [
      'a column that is not an object',
      '{"nodes": {"model.a.b": {"columns": {"id": []}}}}',
    ],
    [
      'an exposure that is not an object',
      '{"nodes": {}, "exposures": {"exposure.a.b": "x"}}',
    ],
    [
      'an unsupported schema version',
      '{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v3.json"}, "nodes": {}}',
    ],
  ])('words %s as indexArtifacts does', (_name, text) => {
    const streamed = errorOf(() => indexManifestBytesSync(encode(text)));
    const parsed = errorOf(() =>
      indexArtifacts({ manifest: JSON.parse(text) }),
    );
    expect(streamed).toBeInstanceOf(ErdInputError);
    expect(streamed.message).toBe(parsed.message);
  });

  it('words a catalog that is not an object as indexArtifacts does', () => {
    const bytes = jsonBytes(buildManifest({ nodes: [modelNode('a')] }));
    const streamed = errorOf(() => indexManifestBytesSync(bytes, encode('[]')));
    const parsed = errorOf(() =>
      indexArtifacts({ manifest: buildManifest(), catalog: [] }),
    );
    expect(streamed.message).toBe(parsed.message);
  });

  it('refuses input that is not bytes', async () => {
    await expect(indexManifestBytes(manifest as any)).rejects.toThrow(
      /^manifest\.json: expected the file's bytes/,
    );
  });
});

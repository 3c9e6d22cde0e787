import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LazyObject, materialize, writeJsonStream } from './writeJsonStream';

describe('writeJsonStream', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'json-stream-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const doc = () =>
    new LazyObject(() => [
      ['plain', { a: [1, 'two', null], 'quoted "key"': 'ü' }],
      [
        'big',
        new LazyObject(function* entries() {
          // Several MB, so the writer has to wait for drain repeatedly.
          for (let i = 0; i < 3000; i++) {
            yield [`entry_${i}`, { text: 'x'.repeat(2000), i }];
          }
        }),
      ],
      ['empty', new LazyObject(() => [])],
      ['last', false],
    ]);

  it('writes exactly JSON.stringify of the materialised document', async () => {
    const path = join(dir, 'out.json');
    const bytes = await writeJsonStream(path, doc());
    const text = await readFile(path, 'utf8');
    expect(text).toBe(JSON.stringify(materialize(doc())));
    expect(bytes).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text).empty).toEqual({});
  });

  it('rejects when the file cannot be written', async () => {
    await expect(
      writeJsonStream(join(dir, 'missing', 'out.json'), doc()),
    ).rejects.toThrow(/ENOENT/);
  });
});

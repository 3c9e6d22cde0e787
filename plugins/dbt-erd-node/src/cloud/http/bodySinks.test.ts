import { ByteSink, TextSink } from './bodySinks';

describe('body sinks', () => {
  it('fills one preallocated buffer when the length is known', () => {
    const sink = new ByteSink(6);
    sink.write(Buffer.from('abc'));
    sink.write(Buffer.from('def'));
    const bytes = sink.finish();
    expect(bytes.toString()).toBe('abcdef');
    expect(bytes.buffer.byteLength).toBe(6);
  });

  it('refuses more bytes than announced', () => {
    const sink = new ByteSink(2);
    expect(() => sink.write(Buffer.from('abc'))).toThrow(
      /longer than its Content-Length/,
    );
  });

  it('decodes UTF-8 split across chunks and drops a BOM', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"name":"café"}'),
    ]);
    const sink = new TextSink();
    for (let i = 0; i < bytes.length; i += 3)
      sink.write(bytes.subarray(i, i + 3));
    expect(JSON.parse(sink.finish())).toEqual({ name: 'café' });
  });
});

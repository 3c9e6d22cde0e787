import { ByteWriter } from './byteWriter';
import { FieldPlan } from './fieldPlan';
import { INCOMPLETE, MemberSelector } from './selectMembers';

function select(text: string, plan: FieldPlan): unknown {
  const bytes = new TextEncoder().encode(text);
  const out = new ByteWriter();
  const end = new MemberSelector('manifest.json').select(
    bytes,
    0,
    bytes.length,
    plan,
    out,
    0,
  );
  expect(end).toBe(bytes.length);
  return JSON.parse(new TextDecoder().decode(out.view()));
}

describe('MemberSelector', () => {
  it('keeps only the planned members, nested plans included', () => {
    const plan = FieldPlan.of({ name: true, config: { meta: true } });
    const node = {
      raw_code: 'select "}" from {{ ref("x") }}',
      name: 'orders',
      config: { materialized: 'view', meta: { owner: 'ä' } },
      tags: ['a'],
    };
    expect(select(JSON.stringify(node), plan)).toEqual({
      name: 'orders',
      config: { meta: { owner: 'ä' } },
    });
  });

  it('reads pretty-printed JSON and keeps repeated keys for JSON.parse to resolve', () => {
    const plan = FieldPlan.of({ name: true });
    const text = '{\n  "name" : "a",\n  "other": [1, 2],\n  "name": "b"\n}';
    expect(select(text, plan)).toEqual({ name: 'b' });
  });

  it('matches a key written with escapes', () => {
    const plan = FieldPlan.of({ name: true });
    expect(select('{"n\\u0061me": "x", "nam": 1}', plan)).toEqual({
      name: 'x',
    });
  });

  it('copies a value that is not an object whole, for the readers to judge', () => {
    const plan = FieldPlan.of({ config: { meta: true } });
    expect(select('{"config": ["meta"]}', plan)).toEqual({
      config: ['meta'],
    });
    expect(select('["whole"]', plan)).toEqual(['whole']);
  });

  it('says when the value runs past the bytes at hand', () => {
    const bytes = new TextEncoder().encode('{"name": "abc", "x": [1, 2');
    const end = new MemberSelector('manifest.json').select(
      bytes,
      0,
      bytes.length,
      FieldPlan.of({ name: true }),
      new ByteWriter(),
      0,
    );
    expect(end).toBe(INCOMPLETE);
  });
});

/**
 * @jest-environment @backstage/cli/config/jest-environment-jsdom
 */
// jsdom: Mermaid's parser (see mermaidParser.ts) needs a window to load.
import { erdColumn, erdEdge, erdNode } from '../../__testUtils__/erd';
import { loadMermaid } from '../../hostile/__testUtils__/mermaidParser';
import { diffErds } from '../diffErds';
import { editedShopErd, nodeOf, shopErd } from '../__testUtils__/shopErd';
import { diffMarkdownTarget } from './markdown';

function mermaidBlockOf(edit: Parameters<typeof editedShopErd>[0]): string {
  const base = shopErd();
  const head = editedShopErd(edit);
  const markdown = diffMarkdownTarget.render(diffErds(base, head), {
    base,
    head,
  });
  const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  if (!block) throw new Error(`no Mermaid block in:\n${markdown}`);
  return block[1];
}

describe('diff markdown Mermaid block', () => {
  it('parses with mermaid.parse for every kind of change, hostile names included', async () => {
    const mermaid = loadMermaid();
    const blocks = [
      mermaidBlockOf(erd => {
        erd.edges = erd.edges.slice(1);
      }),
      mermaidBlockOf(erd => {
        erd.nodes = erd.nodes.filter(n => n.id !== 'model.shop.customers');
        erd.edges = erd.edges.filter(e => e.to_id !== 'model.shop.customers');
        erd.nodes.push(
          erdNode('model.shop.pay "ments" %% end', [
            erdColumn('id "x"', 'struct<a int>'),
          ]),
        );
        erd.edges.push(
          erdEdge(
            'test.shop.new',
            'model.shop.pay "ments" %% end',
            ['id "x"'],
            'model.shop.orders',
            ['order_id'],
            { cardinality: '11', label: 'one to one' },
          ),
        );
      }),
      mermaidBlockOf(erd => {
        nodeOf(erd, 'model.shop.orders').schema_name = 'sales';
        erd.edges[0].cardinality = '0n';
      }),
    ];
    for (const block of blocks) {
      await expect(mermaid.parse(block)).resolves.toBeTruthy();
    }
  });

  it('draws the same line for a relationship declared twice under one id, whatever their order', () => {
    const orders = 'model.shop.orders';
    const twice = (first: '11' | 'n1', second: '11' | 'n1') =>
      mermaidBlockOf(erd => {
        erd.edges.push(
          erdEdge('t2', orders, ['a', 'b'], orders, ['id', 'b'], {
            cardinality: first,
          }),
          erdEdge('t2', orders, ['a', 'b'], orders, ['id', 'b'], {
            cardinality: second,
          }),
        );
      });

    expect(twice('11', 'n1')).toBe(twice('n1', '11'));
  });
});

/**
 * @jest-environment @backstage/cli/config/jest-environment-jsdom
 */
// jsdom: Mermaid's parser (see mermaidParser.ts) needs a window to load.
import { Parser } from '@dbml/core';
import { buildManifest, modelNode } from '../__testUtils__/artifacts';
import { buildErd } from '../buildErd';
import { loadMermaid } from '../hostile/__testUtils__/mermaidParser';
import { renderErd } from '../renderErd';

/** SQL whose join condition is hostile to both formats once quoted into the evidence. */
const JOIN = `select * from db.main.orders o join db.main.customers c on o.customer_id = c.customer_id -- "]} */\n`;

const erd = () =>
  buildErd(
    {
      manifest: buildManifest({
        nodes: [
          modelNode('customers', { columns: { customer_id: {} } }),
          modelNode('orders', {
            columns: { customer_id: {} },
            compiled_code: JOIN,
          }),
        ],
      }),
      catalog: {},
    },
    { algo: 'inferred' },
  ).erd;

describe('inferred edges in the diagram formats', () => {
  it('still parse as DBML with the comment that marks them', () => {
    const text = renderErd(erd(), 'dbml');
    expect(text).toMatch(
      /^\/\/inferred \(medium confidence\): join in model\.shop\.orders/m,
    );
    expect(() => Parser.parse(text, 'dbmlv2')).not.toThrow();
  });

  it('still parse as Mermaid with the quoted label that marks them', async () => {
    const text = renderErd(erd(), 'mermaid');
    expect(text).toContain(': "customer_id (inferred)"');
    await expect(loadMermaid().parse(text)).resolves.toBeTruthy();
  });
});

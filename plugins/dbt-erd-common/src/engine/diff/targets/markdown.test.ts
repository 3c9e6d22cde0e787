import { erdColumn, erdNode } from '../../__testUtils__/erd';
import { diffErds } from '../diffErds';
import { editedShopErd, nodeOf, shopErd } from '../__testUtils__/shopErd';
import { diffMarkdownTarget } from './markdown';

function markdownOf(edit: Parameters<typeof editedShopErd>[0]): string {
  const base = shopErd();
  const head = editedShopErd(edit);
  return diffMarkdownTarget.render(
    diffErds(base, head, { base: 'main/target', head: 'target' }),
    { base, head },
  );
}

describe('diff markdown target', () => {
  it('writes a pull-request comment: summary, removed, changed, added and a Mermaid block of the changed tables and their neighbours', () => {
    const markdown = markdownOf(erd => {
      erd.edges = erd.edges.filter(e => e.from_id !== 'model.shop.order_items');
      const orders = nodeOf(erd, 'model.shop.orders');
      orders.columns[2].data_type = 'bigint';
      orders.columns.push(erdColumn('note'));
      orders.schema_name = 'sales';
      erd.nodes.push(erdNode('model.shop.payments', [erdColumn('id')]));
    });

    expect(markdown).toBe(`### ERD diff

**Tables:** 1 added, 0 removed, 1 changed · **Columns:** 1 added, 0 removed, 1 changed · **Relationships:** 0 added, 1 removed, 0 changed

Base \`main/target\` (generated 2024-01-02T03:04:05Z) → head \`target\` (generated 2024-01-02T03:04:05Z)

#### Removed

- order_items.order_id → orders.order_id (removed: test deleted)

#### Changed

- Table \`orders\`: schema_name \`main\` → \`sales\`
  - column \`amount\`: data_type \`text\` → \`bigint\`
  - column \`note\` added

#### Added

- Table \`payments\`

Changed tables and their neighbours:

\`\`\`mermaid
erDiagram
  "ORDER_ITEMS"["ORDER_ITEMS (CHANGED)"] {
    bigint order_item_id PK
    bigint order_id
  }
  "ORDERS"["ORDERS (CHANGED)"] {
    bigint order_id PK
    bigint customer_id
    bigint amount
    text note
  }
  "PAYMENTS"["PAYMENTS (ADDED)"] {
    text id
  }
  "CUSTOMERS" {
    bigint customer_id PK
    text name
  }
  "ORDER_ITEMS" }|--|| "ORDERS": removed-order_id
  "ORDERS" }|--|| "CUSTOMERS": customer_id
\`\`\`
`);
  });

  it('says so when nothing changed, and draws no diagram', () => {
    const markdown = markdownOf(() => {});

    expect(markdown).toContain(
      '**Tables:** 0 added, 0 removed, 0 changed · **Columns:** 0 added, 0 removed, 0 changed · **Relationships:** 0 added, 0 removed, 0 changed',
    );
    expect(markdown).toContain(
      'No changes to tables, columns or relationships.',
    );
    expect(markdown).not.toContain('```mermaid');
    expect(markdown).not.toContain('#### ');
  });

  it('keeps names with Markdown characters and backticks from formatting the comment', () => {
    const markdown = markdownOf(erd => {
      nodeOf(erd, 'model.shop.orders').columns[2].description =
        'a `tick`\nand *stars*';
    });

    expect(markdown).toContain(
      'column `amount`: description (none) → `` a `tick` and *stars* ``',
    );
  });
});

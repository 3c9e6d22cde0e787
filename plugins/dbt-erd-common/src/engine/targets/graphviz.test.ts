import { ordersAndCustomers } from '../__testUtils__/erd';
import { graphvizTarget } from './graphviz';

describe('graphviz target', () => {
  it('renders a digraph with HTML table labels and bold keys', () => {
    const output = graphvizTarget.render(ordersAndCustomers());
    expect(
      output.startsWith(
        'digraph g {\n  fontname="Helvetica,Arial,sans-serif"\n',
      ),
    ).toBe(true);
    expect(output).toContain(
      '         <tr><td align="left"><b>(integer) id [PK]</b></td></tr>\n',
    );
    expect(output).toContain(
      '         <tr><td align="left">(text) name</td></tr>\n      </table>> ];\n',
    );
    expect(
      output.endsWith(
        [
          '  "model.shop.orders" -> "model.shop.customers" [',
          '    penwidth = 1',
          '    fontsize = 12',
          '    fontcolor = "black"',
          '    label = "customer_id = id"',
          '  ];',
          '}',
          '',
        ].join('\n'),
      ),
    ).toBe(true);
  });
});

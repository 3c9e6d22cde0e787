import { dotHtmlText, dotQuoted } from './graphviz';

describe('GraphViz escaping', () => {
  it('leaves plain names as dbterd prints them', () => {
    expect(dotQuoted('model.shop.orders')).toBe('"model.shop.orders"');
    expect(dotHtmlText('(integer) id')).toBe('(integer) id');
  });

  it('escapes quotes and backslashes in quoted IDs and writes line breaks as \\n', () => {
    expect(dotQuoted('a"b\\')).toBe('"a\\"b\\\\"');
    expect(dotQuoted('a\r\nb\nc')).toBe('"a\\nb\\nc"');
  });

  it('writes markup characters in HTML labels as entities', () => {
    expect(dotHtmlText(`<script>alert("x" & 'y')</script>\n\u0001`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;<br/>\uFFFD',
    );
  });
});

import {
  mermaidAttributeWord,
  mermaidLabelWord,
  mermaidQuoted,
} from './mermaid';

describe('Mermaid escaping', () => {
  it('leaves plain names as dbterd prints them', () => {
    expect(mermaidQuoted('MODEL.SHOP.ORDERS')).toBe('"MODEL.SHOP.ORDERS"');
    expect(mermaidAttributeWord('struct[OMITTED]')).toBe('struct[OMITTED]');
    expect(mermaidAttributeWord('character-varying')).toBe('character-varying');
    expect(mermaidLabelWord('id--customer_id')).toBe('id--customer_id');
  });

  it('writes what a quoted name cannot hold as entity codes', () => {
    expect(mermaidQuoted('<A "B"> %\\ #\n')).toBe(
      '"#60;A #34;B#34;#62; #37;#92; #35;#10;"',
    );
    expect(mermaidQuoted('')).toBe('"#32;"');
  });

  it('keeps `direction TB` from swallowing the line', () => {
    expect(mermaidQuoted('X DIRECTION TB')).toBe('"X DIRECTION#32;TB"');
  });

  it('makes attribute words and labels single lexer words', () => {
    expect(mermaidAttributeWord('a<b>:c d\u3000e')).toBe('a_b__c_d_e');
    expect(mermaidAttributeWord('1st')).toBe('_1st');
    expect(mermaidAttributeWord('pk-x')).toBe('_pk-x');
    expect(mermaidAttributeWord('pkey')).toBe('pkey');
    expect(mermaidLabelWord('one-to')).toBe('_one-to');
    expect(mermaidLabelWord('a "b"')).toBe('a__b_');
  });
});

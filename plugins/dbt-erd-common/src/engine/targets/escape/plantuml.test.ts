import { plantumlMember, plantumlText } from './plantuml';

describe('PlantUML escaping', () => {
  it('leaves plain names as dbterd prints them', () => {
    expect(plantumlText('model.shop.orders')).toBe('model.shop.orders');
    expect(plantumlMember('customer_id')).toBe('customer_id');
  });

  it('writes quote, separators, markup and line breaks as <U+XXXX>', () => {
    expect(plantumlText('a"b:c{d}<<PK>>\n\\~')).toBe(
      'a<U+0022>b<U+003A>c<U+007B>d<U+007D><U+003C><U+003C>PK<U+003E><U+003E><U+000A><U+005C><U+007E>',
    );
  });

  it('keeps a member from starting like a key or visibility marker', () => {
    expect(plantumlMember('*id')).toBe('<U+002A>id');
    expect(plantumlMember('-x')).toBe('<U+002D>x');
    expect(plantumlMember('x-y')).toBe('x-y');
  });
});

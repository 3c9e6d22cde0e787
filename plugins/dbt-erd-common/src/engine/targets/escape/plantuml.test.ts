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

  it('leaves no preprocessor syntax live: %builtins, $variables, !directives', () => {
    expect(plantumlText('%getenv("AWS_SECRET_ACCESS_KEY")')).toBe(
      '<U+0025>getenv(<U+0022>AWS_SECRET_ACCESS_KEY<U+0022>)',
    );
    expect(plantumlText('a$b %% $x')).toBe(
      'a<U+0024>b <U+0025><U+0025> <U+0024>x',
    );
    expect(plantumlMember('!include /etc/passwd')).toBe(
      '<U+0021>include /etc/passwd',
    );
    expect(plantumlMember('a!b')).toBe('a!b');
  });

  it('keeps a member from starting like a key or visibility marker', () => {
    expect(plantumlMember('*id')).toBe('<U+002A>id');
    expect(plantumlMember('-x')).toBe('<U+002D>x');
    expect(plantumlMember('x-y')).toBe('x-y');
  });
});

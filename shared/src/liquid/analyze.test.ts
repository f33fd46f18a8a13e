import { describe, expect, it } from 'vitest';
import { analyzeTemplate, type TemplateIssue } from './analyze';

function messages(issues: TemplateIssue[]): string[] {
  return issues.map((i) => i.message);
}

describe('analyzeTemplate: syntax', () => {
  it('accepts a valid template', () => {
    expect(analyzeTemplate('Hi {{ contact.firstName | default: "there" }}, order {{ order.number }}', 'liquid')).toEqual([]);
  });

  it('places a syntax error on its line and column in a multi-line template', () => {
    const source = 'Hi {{ contact.firstName }},\n\nyour order:\n  {% if order.total > 100 %}free shipping';
    expect(analyzeTemplate(source, 'liquid')).toEqual([
      { code: 'template-syntax', severity: 'error', line: 4, column: 3, message: '{% if order.total > 100 %} is never closed: add {% endif %}' },
    ]);
  });

  it.each([
    ['Hi {{ contact.firstName', 'line 1', '"{{ contact.firstName" is missing its closing "}}"'],
    ['a\n{% endif %}', 'line 2', '{% endif %} has no matching opening tag'],
    ['{% fro item in items %}{% endfor %}', 'line 1', 'unknown tag {% fro %} (did you mean {% for %}?)'],
    ['{% if x %}a{% else %}b{% else %}c{% endif %}', 'line 1', 'a block has {% else %} twice'],
  ])('rewords %j', (source, _where, message) => {
    expect(messages(analyzeTemplate(source, 'liquid'))).toEqual([message]);
  });

  it('reports every unknown filter with its position and a suggestion', () => {
    expect(analyzeTemplate('{{ contact.firstName | upcse }}\n{{ order.total | money_fmt }}', 'liquid')).toEqual([
      { code: 'unknown-filter', severity: 'error', line: 1, column: 24, message: 'unknown filter "upcse" (did you mean upcase?)' },
      { code: 'unknown-filter', severity: 'error', line: 2, column: 18, message: 'unknown filter "money_fmt"' },
    ]);
  });

  it('rejects tags that load template files', () => {
    expect(analyzeTemplate('x\n {% render "footer" %}', 'liquid')).toEqual([
      { code: 'unsupported-tag', severity: 'error', line: 2, column: 2, message: '{% render %} is not available: flow templates cannot load other template files' },
    ]);
  });
});

describe('analyzeTemplate: variables', () => {
  it('reports an unknown contact field with the closest known one', () => {
    expect(analyzeTemplate('Dear\n  {{ contact.frstName }}', 'liquid')).toEqual([
      { code: 'unknown-variable', severity: 'error', line: 2, column: 6, message: 'unknown variable "contact.frstName" (did you mean contact.firstName?)' },
    ]);
  });

  it('reports an unknown root, suggesting a close one or listing what exists', () => {
    expect(messages(analyzeTemplate('{{ contct.email }} {{ shop.name }}', 'liquid'))).toEqual([
      'unknown variable "contct.email" (did you mean contact.email?)',
      'unknown variable "shop.name": a template can use contact, order, items, cart, product, event, codes, flow, links, and names set with assign, capture or for',
    ]);
  });

  it('reports a field without a close match by naming its parent', () => {
    expect(messages(analyzeTemplate('{{ order.shippingAddress }}', 'liquid'))).toEqual(['unknown variable "order.shippingAddress": order has no field "shippingAddress"']);
  });

  it('leaves attributes, events, codes and nested free-form data open', () => {
    const source = '{{ contact.attributes.shoeSize }} {{ order.attributes.gift }} {{ event.data.query }} {{ codes.discount }} {{ items.first.attributes.color }}';
    expect(analyzeTemplate(source, 'liquid')).toEqual([]);
  });

  it('checks items, cart, product, flow and links against their shapes', () => {
    const source = '{{ items[0].skuu }} {{ order.items.first.price }} {{ cart.totl }} {{ product.imageUrl }} {{ flow.name }} {{ links.unsubscrib }}';
    expect(messages(analyzeTemplate(source, 'liquid'))).toEqual([
      'unknown variable "items[0].skuu" (did you mean items[0].sku?)',
      'unknown variable "cart.totl" (did you mean cart.total?)',
      'unknown variable "links.unsubscrib" (did you mean links.unsubscribe?)',
    ]);
  });

  it('explains a list used like an object', () => {
    expect(messages(analyzeTemplate('{{ items.sku }} {{ order.items.size }}', 'liquid'))).toEqual([
      'unknown variable "items.sku": items is a list; use items.first, items[0], items.size or loop over it with {% for %}',
    ]);
  });

  it('accepts loop variables and checks them against the list they loop over', () => {
    const source = [
      '{% for item in order.items %}',
      '  {{ forloop.index }}. {{ item.name }} × {{ item.quantity }} {{ item.attributes.size }}',
      '  {{ item.nam }}',
      '{% endfor %}',
      '{% for line in items limit: 2 %}{{ line.sku }}{% endfor %}',
      '{% for tag in contact.tags %}{{ tag }}{% endfor %}',
    ].join('\n');
    expect(analyzeTemplate(source, 'liquid')).toEqual([
      { code: 'unknown-variable', severity: 'error', line: 3, column: 6, message: 'unknown variable "item.nam" (did you mean item.name?)' },
    ]);
  });

  it('ends a loop variable’s scope with its loop', () => {
    expect(messages(analyzeTemplate('{% for item in items %}{% endfor %}{{ item.sku }}', 'liquid'))).toEqual([
      'unknown variable "item.sku": a template can use contact, order, items, cart, product, event, codes, flow, links, and names set with assign, capture or for',
    ]);
  });

  it('accepts names set with assign and capture, from where they are set', () => {
    const source = '{% assign name = contact.firstName | default: "friend" %}{% capture greeting %}Hi {{ name }}{% endcapture %}{{ greeting }} {{ name.size }}';
    expect(analyzeTemplate(source, 'liquid')).toEqual([]);
    expect(messages(analyzeTemplate('{{ later }}{% assign later = 1 %}', 'liquid'))).toEqual([
      'unknown variable "later": a template can use contact, order, items, cart, product, event, codes, flow, links, and names set with assign, capture or for',
    ]);
  });

  it('checks variables in tags and filter arguments', () => {
    const source = '{% if contact.tags contains "vip" and order.totl > 100 %}{{ "x" | append: contact.lastNme }}{% endif %}';
    expect(messages(analyzeTemplate(source, 'liquid'))).toEqual([
      'unknown variable "order.totl" (did you mean order.total?)',
      'unknown variable "contact.lastNme" (did you mean contact.lastName?)',
    ]);
  });

  it('knows literals, tablerow loops, case/when and the liquid tag', () => {
    const source = [
      '{% if contact.firstName == blank or order.items == empty %}{% endif %}',
      '{% tablerow item in items cols:2 %}{{ item.skux }}{{ tablerowloop.col }}{% endtablerow %}',
      '{% case order.paymentMethod %}{% when "card", contact.grup %}x{% endcase %}',
      '{% liquid',
      '  assign x = contact.firstName',
      '  echo contact.lstName',
      '%}{{ "abc".size }}{% raw %}{{ nonsense }}{% endraw %}',
    ].join('\n');
    expect(analyzeTemplate(source, 'liquid').map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 39, 'unknown variable "item.skux" (did you mean item.sku?)'],
      [3, 47, 'unknown variable "contact.grup" (did you mean contact.group?)'],
      [6, 8, 'unknown variable "contact.lstName" (did you mean contact.lastName?)'],
    ]);
  });

  it('reports one mistake repeated in a template once, at its first use', () => {
    expect(analyzeTemplate('{{ contact.frstName }}\n{{ contact.frstName }}', 'liquid')).toEqual([
      { code: 'unknown-variable', severity: 'error', line: 1, column: 4, message: 'unknown variable "contact.frstName" (did you mean contact.firstName?)' },
    ]);
  });
});

describe('analyzeTemplate: MJML', () => {
  const mjml = '<mjml>\n<mj-body><mj-section><mj-column><mj-text>Hi {{ contact.firstName }}</mj-text></mj-column></mj-section></mj-body>\n</mjml>\n';

  it('accepts an MJML document with Liquid inside', () => {
    expect(analyzeTemplate(mjml, 'mjml')).toEqual([]);
    expect(analyzeTemplate(`<!-- welcome -->\n${mjml}`, 'mjml')).toEqual([]);
  });

  it('requires the <mjml> root, and checks the Liquid too', () => {
    expect(analyzeTemplate('<mj-text>Hi {{ contact.frstName }}</mj-text>', 'mjml')).toEqual([
      { code: 'missing-mjml-root', severity: 'error', line: 1, column: 1, message: 'the email is not an MJML document: it must start with <mjml> and end with </mjml>' },
      { code: 'unknown-variable', severity: 'error', line: 1, column: 16, message: 'unknown variable "contact.frstName" (did you mean contact.firstName?)' },
    ]);
  });

  it('does not require MJML of plain Liquid', () => {
    expect(analyzeTemplate('<p>Hi</p>', 'liquid')).toEqual([]);
  });
});

describe('analyzeTemplate: caching', () => {
  it('returns the same issues again, unaffected by changes to an earlier answer', () => {
    const first = analyzeTemplate('{{ contact.frstName }}', 'liquid');
    first[0]!.message = 'changed';
    expect(messages(analyzeTemplate('{{ contact.frstName }}', 'liquid'))).toEqual(['unknown variable "contact.frstName" (did you mean contact.firstName?)']);
  });
});

import { describe, expect, it } from 'vitest';
import { humanise, labelFor, leftOutWhenEmpty, widgetFor } from './schema-widget';
import { schemaOf } from './test-schemas';

const kinds = (type: string) => Object.fromEntries(Object.entries(schemaOf(type).properties ?? {}).map(([key, s]) => [key, widgetFor(s).kind]));

describe('widgetFor on the built-in node types', () => {
  it('picks a control for every field', () => {
    expect(kinds('trigger.event')).toEqual({ event: 'text', filter: 'ruleSet' });
    expect(kinds('trigger.date')).toEqual({ field: 'text', offsetDays: 'number', time: 'time', timezone: 'text', yearly: 'boolean' });
    expect(kinds('condition.orderContains')).toEqual({ source: 'enum', match: 'enum', skus: 'tags', categories: 'tags', attributes: 'rows' });
    expect(kinds('condition.engagement')).toEqual({ nodeId: 'text', action: 'enum', withinSeconds: 'number' });
    expect(kinds('split.random')).toEqual({ branches: 'rows' });
    expect(kinds('wait.untilEvent')).toEqual({ event: 'text', sameOrder: 'boolean', filter: 'ruleSet', timeout: 'duration' });
    expect(kinds('action.sendEmail')).toEqual({ subject: 'liquid', preheader: 'liquid', mjml: 'mjml', from: 'text', transactional: 'boolean', sendWindow: 'variants' });
    expect(kinds('action.sendSms')).toEqual({ body: 'liquid', transactional: 'boolean', sendWindow: 'variants' });
    expect(kinds('action.webhook')).toEqual({ method: 'enum', url: 'liquid', headers: 'map', body: 'liquid', timeoutSeconds: 'number' });
    expect(kinds('action.tag')).toEqual({ add: 'tags', remove: 'tags' });
    expect(kinds('action.updateContact')).toEqual({ set: 'map' });
  });

  it('edits the whole config of condition.rules with the rule builder', () => {
    const schema = schemaOf('condition.rules');
    expect(widgetFor(schema).kind).toBe('ruleSet');
  });

  it('chooses between variants by their constant property, labelled by the variant titles', () => {
    const widget = widgetFor(schemaOf('wait.untilTime'));
    expect(widget.kind === 'variants' && { discriminator: widget.discriminator, options: widget.variants.map(({ value, label }) => ({ value, label })) }).toEqual({
      discriminator: 'mode',
      options: [
        { value: 'clock', label: 'A time of day' },
        { value: 'dateField', label: 'A date on the contact or order' },
      ],
    });
  });

  it('offers a message node’s send window as a choice that reads as a sentence, following the flow when left out', () => {
    const schema = schemaOf('action.sendSms').properties?.sendWindow ?? {};
    const widget = widgetFor(schema);
    expect(widget.kind === 'variants' && widget.variants.map(({ value, label }) => [value, label])).toEqual([
      ['flow', 'within the flow’s send window'],
      ['anyTime', 'at any time'],
      ['own', 'only within these hours'],
    ]);
    expect(schema.default).toEqual({ mode: 'flow' });
    const own = widget.kind === 'variants' ? widget.variants[2]?.schema.properties : undefined;
    const fields = Object.entries(own ?? {}).filter(([key]) => key !== 'mode');
    expect(Object.fromEntries(fields.map(([key, s]) => [key, widgetFor(s).kind]))).toEqual({ days: 'enumSet', from: 'time', to: 'time', timezone: 'text' });
  });

  it('labels enum options with enumLabels, and weekday lists become checkboxes', () => {
    expect(widgetFor(schemaOf('trigger.inactivity').properties?.activity ?? {})).toEqual({
      kind: 'enum',
      options: [
        { value: 'order', label: 'no order' },
        { value: 'login', label: 'no login' },
      ],
    });
    const clock = schemaOf('wait.untilTime').oneOf?.[0]?.properties?.days ?? {};
    const widget = widgetFor(clock);
    expect(widget.kind === 'enumSet' && widget.options.slice(0, 2)).toEqual([
      { value: 'mon', label: 'Monday' },
      { value: 'tue', label: 'Tuesday' },
    ]);
  });

  it('keeps real number limits and drops the safe-integer ones zod writes', () => {
    expect(widgetFor(schemaOf('trigger.date').properties?.offsetDays ?? {})).toEqual({ kind: 'number', integer: true, min: -365, max: 365 });
    expect(widgetFor(schemaOf('trigger.inactivity').properties?.days ?? {})).toEqual({ kind: 'number', integer: true, min: 1 });
    expect(widgetFor({ type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 })).toEqual({ kind: 'number', integer: true, min: 1 });
    expect(widgetFor(schemaOf('split.random').properties?.branches?.items?.properties?.percent ?? {})).toEqual({ kind: 'number', integer: false, min: 0, max: 100 });
  });

  it('offers examples as suggestions, for text and tag lists', () => {
    expect(widgetFor(schemaOf('wait.untilEvent').properties?.event ?? {})).toEqual({ kind: 'text', examples: ['order.paid', 'order.created', 'email.clicked'] });
    expect(widgetFor(schemaOf('action.tag').properties?.add ?? {})).toEqual({ kind: 'tags', examples: ['vip'] });
  });

  it('edits a rule value as one value or a list, and an attribute value as a plain value', () => {
    const rule = schemaOf('condition.rules').properties?.rules?.items?.properties ?? {};
    expect(widgetFor(rule.value ?? {}).kind).toBe('scalarOrList');
    expect(widgetFor(rule.op ?? {}).kind).toBe('enum');
    const attribute = schemaOf('condition.orderContains').properties?.attributes?.items?.properties ?? {};
    expect(widgetFor(attribute.value ?? {}).kind).toBe('scalar');
  });

  it('falls back to JSON for shapes it has no control for', () => {
    expect(widgetFor({ type: 'array', items: { type: 'array', items: { type: 'number' } } }).kind).toBe('json');
    expect(widgetFor({}).kind).toBe('json');
  });
});

describe('labels', () => {
  it('uses the schema title, else the key in words', () => {
    expect(labelFor({ title: 'Wait for' }, 'duration')).toBe('Wait for');
    expect(labelFor({}, 'withinDays')).toBe('Within days');
    expect(humanise('timeout_seconds')).toBe('Timeout seconds');
    expect(humanise('sameOrder')).toBe('Same order');
  });
});

describe('leftOutWhenEmpty', () => {
  it('leaves out an emptied optional field, but keeps one with a default so its box does not refill while typing', () => {
    const sms = schemaOf('action.sendSms');
    const own = sms.properties?.sendWindow?.oneOf?.[2]?.properties ?? {};
    expect(leftOutWhenEmpty(own.timezone ?? {}, false)).toBe(false);
    expect(leftOutWhenEmpty(own.from ?? {}, false)).toBe(false);
    expect(leftOutWhenEmpty(schemaOf('action.sendEmail').properties?.preheader ?? {}, false)).toBe(true);
    expect(leftOutWhenEmpty(sms.properties?.body ?? {}, true)).toBe(false);
  });
});

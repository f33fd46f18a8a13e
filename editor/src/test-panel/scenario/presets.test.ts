import { scenarioSchema } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET_ID, findPreset, scenarioPresets } from './presets';

describe('scenario presets', () => {
  it('are the six samples the test panel offers, each a valid scenario', () => {
    expect(scenarioPresets.map((p) => p.label)).toEqual(['Paid card order', 'Unpaid bank-transfer order', 'E-book order', 'Abandoned cart', 'VIP 5th order', 'Birthday contact']);
    for (const preset of scenarioPresets) {
      const parsed = scenarioSchema.safeParse(preset.document);
      expect(parsed.error?.issues, preset.label).toBeUndefined();
    }
    expect(findPreset(DEFAULT_PRESET_ID)?.label).toBe('Unpaid bank-transfer order');
  });

  it('tell the stories their names promise', () => {
    const events = (id: string) => scenarioSchema.parse(findPreset(id)?.document).events;
    expect(events('paid-card').map((e) => [e.type, e.atSeconds, e.order?.paymentMethod, e.order?.paymentStatus])).toEqual([
      ['order.created', 0, 'card', 'paid'],
      ['order.paid', 0, 'card', 'paid'],
    ]);
    expect(events('unpaid-transfer').map((e) => e.type)).toEqual(['order.created']);
    expect(events('unpaid-transfer')[0]?.order?.paymentMethod).toBe('bank_transfer');
    expect(events('ebook').map((e) => [e.type, e.atSeconds])).toEqual([
      ['order.created', 0],
      ['order.paid', 100800],
    ]);
    expect(events('abandoned-cart').map((e) => e.type)).toEqual(['cart.updated']);
    expect(scenarioSchema.parse(findPreset('vip-5th')?.document).contact.orderCount).toBe(4);
    expect(scenarioSchema.parse(findPreset('birthday')?.document).contact.birthday).toBe('1990-03-14');
  });
});

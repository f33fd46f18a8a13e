import { describe, expect, it } from 'vitest';
import { statusTone } from './message-status';

describe('statusTone', () => {
  it('tells good, doubtful and bad outcomes apart', () => {
    expect(['sent', 'delivered', 'done', 'skipped', 'failed', 'bounced', 'queued'].map(statusTone)).toEqual(['ok', 'ok', 'ok', 'warning', 'danger', 'danger', 'neutral']);
  });
});

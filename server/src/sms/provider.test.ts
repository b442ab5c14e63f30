import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replacesStatus, type DeliveryStatus } from './provider.js';

describe('status order', () => {
  const STATUSES: DeliveryStatus[] = ['queued', 'sent', 'delivered', 'undelivered', 'failed'];
  const OUTCOMES = new Set<DeliveryStatus>(['delivered', 'undelivered', 'failed']);
  const apply = (reports: DeliveryStatus[]) =>
    reports.reduce<DeliveryStatus>(
      (recorded, reported) => (replacesStatus(recorded, reported) ? reported : recorded),
      'queued',
    );

  it('never lets an earlier status overwrite a later one', () => {
    expect(replacesStatus('queued', 'sent')).toBe(true);
    expect(replacesStatus('sent', 'delivered')).toBe(true);
    expect(replacesStatus('delivered', 'sent')).toBe(false);
    expect(replacesStatus('sent', 'sent')).toBe(false);
    expect(replacesStatus('delivered', 'failed')).toBe(false);
  });

  it('ends on the first outcome reported, however late, repeated or shuffled the reports', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUSES)), (reports) => {
        const firstOutcome = reports.find((s) => OUTCOMES.has(s));
        const final = apply(reports);
        if (firstOutcome) expect(final).toBe(firstOutcome);
        else expect(final).toBe(reports.includes('sent') ? 'sent' : 'queued');
        expect(apply([...reports, ...reports])).toBe(final);
      }),
    );
  });
});

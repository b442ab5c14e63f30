// The conversation's part of the side panel (deal value, close date, organization address, note).
import type { Currency, Money } from '@livechat/shared/model';
import type { Database } from './database.js';

export interface StoredDetails {
  dealValue: Money | null;
  expectedCloseDate: string | null;
  organizationAddress: string;
  note: string;
}

interface DetailsRow {
  deal_amount: string | null;
  deal_currency: Currency | null;
  expected_close_date: string | null;
  organization_address: string;
  note: string;
}

export const EMPTY_DETAILS: StoredDetails = {
  dealValue: null,
  expectedCloseDate: null,
  organizationAddress: '',
  note: '',
};

export function createDetailsStore(db: Database) {
  const get = db.prepare<[string], DetailsRow>(
    'SELECT * FROM conversation_details WHERE conversation_id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO conversation_details
       (conversation_id, deal_amount, deal_currency, expected_close_date, organization_address, note, updated_at)
     VALUES (@id, @amount, @currency, @date, @address, @note, @now)
     ON CONFLICT (conversation_id) DO UPDATE SET deal_amount = excluded.deal_amount,
       deal_currency = excluded.deal_currency, expected_close_date = excluded.expected_close_date,
       organization_address = excluded.organization_address, note = excluded.note, updated_at = excluded.updated_at`,
  );
  return {
    of(conversationId: string): StoredDetails {
      const r = get.get(conversationId);
      if (!r) return EMPTY_DETAILS;
      return {
        dealValue:
          r.deal_amount && r.deal_currency ? { amount: r.deal_amount, currency: r.deal_currency } : null,
        expectedCloseDate: r.expected_close_date,
        organizationAddress: r.organization_address,
        note: r.note,
      };
    },
    save: (conversationId: string, d: StoredDetails, now: number) =>
      void upsert.run({
        id: conversationId,
        amount: d.dealValue?.amount ?? null,
        currency: d.dealValue?.currency ?? null,
        date: d.expectedCloseDate,
        address: d.organizationAddress,
        note: d.note,
        now,
      }),
  };
}

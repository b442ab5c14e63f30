// The conversation's part of the side panel (deal value, close date, organization address, note).
import type { Currency } from '@livechat/shared/model';
import type { DetailsStore, StoredDetails } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

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

const UPSERT = `INSERT INTO conversation_details
    (conversation_id, deal_amount, deal_currency, expected_close_date, organization_address, note, updated_at)
  VALUES (@id, @amount, @currency, @date, @address, @note, @now)
  ON CONFLICT (conversation_id) DO UPDATE SET deal_amount = excluded.deal_amount,
    deal_currency = excluded.deal_currency, expected_close_date = excluded.expected_close_date,
    organization_address = excluded.organization_address, note = excluded.note, updated_at = excluded.updated_at`;

export function createDetailsStore(sql: Sql): DetailsStore {
  const write = writer(sql);
  return {
    async of(conversationId) {
      const r = await sql.get<DetailsRow>('SELECT * FROM conversation_details WHERE conversation_id = ?', [
        conversationId,
      ]);
      if (!r) return EMPTY_DETAILS;
      return {
        dealValue:
          r.deal_amount && r.deal_currency ? { amount: r.deal_amount, currency: r.deal_currency } : null,
        expectedCloseDate: r.expected_close_date,
        organizationAddress: r.organization_address,
        note: r.note,
      };
    },
    save: (conversationId, d, now) =>
      write(UPSERT, {
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

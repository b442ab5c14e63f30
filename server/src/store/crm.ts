// Organizations and the leads and deals created from conversations.
import type { CrmRecord, Currency, Money, RecordKind } from '@livechat/shared/model';
import type { Database } from './database.js';
import { VISIBLE_TO_VIEWER, type Viewer } from './conversations.js';

interface RecordRow {
  id: string;
  kind: RecordKind;
  title: string;
  value_amount: string | null;
  value_currency: Currency | null;
  expected_close_date: string | null;
  conversation_id: string;
  conversation_number: number;
  visitor_id: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  organization_id: string | null;
  organization_name: string | null;
  organization_address: string | null;
  note: string;
  source: 'agent' | 'bot';
  created_by: string | null;
  created_by_name: string | null;
  creator_name: string | null;
  created_at: number;
}

const toRecord = (r: RecordRow): CrmRecord => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  value: r.value_amount && r.value_currency ? { amount: r.value_amount, currency: r.value_currency } : null,
  expectedCloseDate: r.expected_close_date,
  conversationId: r.conversation_id,
  conversationNumber: r.conversation_number,
  contact: { id: r.visitor_id, name: r.contact_name, email: r.contact_email, phone: r.contact_phone },
  organization:
    r.organization_id === null
      ? null
      : { id: r.organization_id, name: r.organization_name ?? '', address: r.organization_address ?? '' },
  note: r.note,
  // The chatbot is no agent: its records carry the id "bot" and the bot's name.
  createdBy:
    r.created_by === null
      ? { id: BOT_CREATOR_ID, name: r.creator_name ?? 'Bot' }
      : { id: r.created_by, name: r.created_by_name ?? '' },
  createdAt: r.created_at,
});

const SELECT = `SELECT r.*, c.number AS conversation_number,
    COALESCE(v.contact_name, v.name) AS contact_name, COALESCE(v.email, '') AS contact_email,
    COALESCE(v.phone, '') AS contact_phone,
    o.name AS organization_name, o.address AS organization_address, a.name AS created_by_name
  FROM crm_records r
  JOIN conversations c ON c.id = r.conversation_id
  JOIN visitors v ON v.id = r.visitor_id
  LEFT JOIN organizations o ON o.id = r.organization_id
  LEFT JOIN agents a ON a.id = r.created_by`;

/** `createdBy.id` of records the chatbot created (its offline flow's leads). */
export const BOT_CREATOR_ID = 'bot';

export interface NewRecord {
  id: string;
  kind: RecordKind;
  title: string;
  value: Money | null;
  expectedCloseDate: string | null;
  conversationId: string;
  visitorId: string;
  organizationId: string | null;
  note: string;
  createdBy: string;
  createdAt: number;
}

/** A lead the chatbot captured: at most one per conversation. */
export type NewBotLead = Omit<NewRecord, 'kind' | 'value' | 'expectedCloseDate' | 'createdBy'> & {
  botName: string;
};

export function createCrmStore(db: Database) {
  const orgByKey = db.prepare<[string], { id: string }>('SELECT id FROM organizations WHERE name_key = ?');
  const insertOrg = db.prepare(
    'INSERT INTO organizations (id, name, name_key, address, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const updateOrgAddress = db.prepare("UPDATE organizations SET address = ? WHERE id = ? AND ? != ''");
  const insert = db.prepare(
    `INSERT INTO crm_records (id, kind, title, value_amount, value_currency, expected_close_date, conversation_id,
       visitor_id, organization_id, note, created_by, created_at)
     VALUES (@id, @kind, @title, @amount, @currency, @date, @conversationId, @visitorId, @organizationId, @note,
       @createdBy, @createdAt)`,
  );
  const insertBotLead = db.prepare(
    `INSERT INTO crm_records (id, kind, title, conversation_id, visitor_id, organization_id, note, source,
       creator_name, created_at)
     VALUES (@id, 'lead', @title, @conversationId, @visitorId, @organizationId, @note, 'bot', @botName, @createdAt)
     ON CONFLICT (conversation_id) WHERE source = 'bot' DO NOTHING`,
  );
  const byId = db.prepare<[string], RecordRow>(`${SELECT} WHERE r.id = ?`);
  const ofConversation = db.prepare<[string], RecordRow>(
    `${SELECT} WHERE r.conversation_id = ? ORDER BY r.created_at, r.id`,
  );
  // Records of conversations the viewer may see (the same rule as the inbox), newest first.
  const list = db.prepare<{ me: string; admin: 0 | 1; kind: string | null }, RecordRow>(
    `${SELECT} WHERE (@kind IS NULL OR r.kind = @kind)
       AND ${VISIBLE_TO_VIEWER}
     ORDER BY r.created_at DESC, r.id LIMIT 5000`,
  );
  return {
    /** The organization with this name (case-insensitively), created when new; its address is kept up to date. */
    organization(name: string, address: string, id: string, now: number): string {
      const key = name.trim().toLowerCase();
      const found = orgByKey.get(key);
      if (found) {
        updateOrgAddress.run(address, found.id, address);
        return found.id;
      }
      insertOrg.run(id, name.trim(), key, address, now);
      return id;
    },
    insert(r: NewRecord): CrmRecord {
      insert.run({
        ...r,
        amount: r.value?.amount ?? null,
        currency: r.value?.currency ?? null,
        date: r.expectedCloseDate,
      });
      return toRecord(byId.get(r.id)!);
    },
    /** Inserts the conversation's bot lead; null when it has one already (a replayed or re-run capture). */
    insertBotLead(r: NewBotLead): CrmRecord | null {
      const { changes } = insertBotLead.run(r);
      return changes === 0 ? null : toRecord(byId.get(r.id)!);
    },
    ofConversation: (conversationId: string) => ofConversation.all(conversationId).map(toRecord),
    list: (viewer: Viewer, kind: RecordKind | null) =>
      list.all({ me: viewer.agentId, admin: viewer.admin ? 1 : 0, kind }).map(toRecord),
  };
}

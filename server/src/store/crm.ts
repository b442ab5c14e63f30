// Organizations and the leads and deals created from conversations.
import type { CrmRecord, Currency, RecordKind } from '@livechat/shared/model';
import type { CrmStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { VISIBLE_TO_VIEWER } from './conversations.js';

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

/**
 * The organization of this name key, created when new; a non-empty address replaces the stored one. One statement,
 * so two conversations naming the same new organization at once (two nodes) share it.
 */
const ORGANIZATION = `INSERT INTO organizations (id, name, name_key, address, created_at)
  VALUES (@id, @name, @key, @address, @now)
  ON CONFLICT (name_key) DO UPDATE SET
    address = CASE WHEN excluded.address = '' THEN organizations.address ELSE excluded.address END
  RETURNING id`;
const INSERT = `INSERT INTO crm_records (id, kind, title, value_amount, value_currency, expected_close_date,
    conversation_id, visitor_id, organization_id, note, created_by, created_at)
  VALUES (@id, @kind, @title, @amount, @currency, @date, @conversationId, @visitorId, @organizationId, @note,
    @createdBy, @createdAt)`;
const INSERT_BOT_LEAD = `INSERT INTO crm_records (id, kind, title, conversation_id, visitor_id, organization_id, note,
    source, creator_name, created_at)
  VALUES (@id, 'lead', @title, @conversationId, @visitorId, @organizationId, @note, 'bot', @botName, @createdAt)
  ON CONFLICT (conversation_id) WHERE source = 'bot' DO NOTHING`;
/** Records of conversations the viewer may see (the same rule as the inbox), newest first. */
const LIST = `${SELECT} WHERE (CAST(@kind AS TEXT) IS NULL OR r.kind = @kind)
    AND ${VISIBLE_TO_VIEWER}
  ORDER BY r.created_at DESC, r.id LIMIT 5000`;

export function createCrmStore(sql: Sql): CrmStore {
  const byId = async (id: string) => toRecord((await sql.get<RecordRow>(`${SELECT} WHERE r.id = ?`, [id]))!);
  return {
    async organization(name, address, id, now) {
      const key = name.trim().toLowerCase();
      return (await sql.value<string>(ORGANIZATION, { id, name: name.trim(), key, address, now }))!;
    },
    async insert(r) {
      await sql.run(INSERT, {
        id: r.id,
        kind: r.kind,
        title: r.title,
        amount: r.value?.amount ?? null,
        currency: r.value?.currency ?? null,
        date: r.expectedCloseDate,
        conversationId: r.conversationId,
        visitorId: r.visitorId,
        organizationId: r.organizationId,
        note: r.note,
        createdBy: r.createdBy,
        createdAt: r.createdAt,
      });
      return byId(r.id);
    },
    async insertBotLead(r) {
      const changes = await sql.run(INSERT_BOT_LEAD, { ...r });
      return changes === 0 ? null : byId(r.id);
    },
    ofConversation: async (conversationId) =>
      (
        await sql.all<RecordRow>(`${SELECT} WHERE r.conversation_id = ? ORDER BY r.created_at, r.id`, [
          conversationId,
        ])
      ).map(toRecord),
    list: async (viewer, kind) =>
      (await sql.all<RecordRow>(LIST, { me: viewer.agentId, admin: viewer.admin ? 1 : 0, kind })).map(
        toRecord,
      ),
  };
}

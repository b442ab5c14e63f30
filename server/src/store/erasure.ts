// Erasure: deleting a conversation, or a contact, with every row that points at it (see every migration: a table
// that gains a reference to conversations or visitors must be deleted from here too; server/test/erasure.test.ts
// scans every table for leftovers). Children first, so the foreign keys hold at every statement.
import type { ErasureStore } from '../domain/erasure.js';
import { containing } from './sql/like.js';
import type { Sql } from './sql/sql.js';

/** Rows of one conversation, children first (each by an indexed column). `?` is the conversation's id. */
const CONVERSATION_ROWS = [
  // Reports that arrived before their text's send was recorded, for texts of this conversation.
  `DELETE FROM sms_early_reports WHERE provider_id IN (SELECT s.provider_id FROM sms_messages s
     WHERE s.provider_id IS NOT NULL AND s.message_id IN (SELECT id FROM messages WHERE conversation_id = ?))`,
  'DELETE FROM sms_messages WHERE message_id IN (SELECT id FROM messages WHERE conversation_id = ?)',
  'DELETE FROM messages WHERE conversation_id = ?',
  'DELETE FROM activities WHERE conversation_id = ?',
  'DELETE FROM answers WHERE conversation_id = ?',
  'DELETE FROM conversation_details WHERE conversation_id = ?',
  'DELETE FROM playbook_runs WHERE conversation_id = ?',
  'DELETE FROM crm_records WHERE conversation_id = ?',
  'DELETE FROM conversation_contexts WHERE conversation_id = ?',
  'DELETE FROM read_positions WHERE conversation_id = ?',
  'DELETE FROM conversations WHERE id = ?',
];

/** Rows keyed by the contact once their conversations are gone. `?` is the visitor's id. */
const CONTACT_ROWS = [
  // A lead names its contact besides its conversation; one of another conversation must not keep them.
  'DELETE FROM crm_records WHERE visitor_id = ?',
  // The CRM view of them: attributes, tags and notes (the audit log keeps only their id: it outlives them).
  'DELETE FROM contact_attributes WHERE visitor_id = ?',
  'DELETE FROM contact_tags WHERE visitor_id = ?',
  'DELETE FROM contact_notes WHERE visitor_id = ?',
  'DELETE FROM visitors WHERE id = ?',
];

export function createErasureStore(sql: Sql): ErasureStore {
  /**
   * PostgreSQL: FOR UPDATE, not the no-op UPDATE other units lock with: that lock lets a concurrent insert of a
   * child row (a file uploaded into the conversation) through, and its commit would then fail this deletion.
   */
  const lock = sql.engine === 'postgres' ? ' FOR UPDATE' : '';

  /** Every delivery whose JSON names the id (a conversation's or contact's: UUIDs, quoted as JSON writes them). */
  const deleteDeliveriesNaming = (id: string) =>
    sql.run("DELETE FROM webhook_deliveries WHERE body LIKE ? ESCAPE '\\'", [containing(JSON.stringify(id))]);

  const deleteFiles = async (where: string, params: string[]) =>
    (await sql.all<{ id: string }>(`DELETE FROM files WHERE ${where} RETURNING id`, params)).map((r) => r.id);

  return {
    async lockConversation(id) {
      await sql.all(`SELECT id FROM conversations WHERE id = ?${lock}`, [id]);
    },

    async lockContact(visitorId) {
      if ((await sql.get(`SELECT id FROM visitors WHERE id = ?${lock}`, [visitorId])) === undefined)
        return null;
      // In id order, so two deletions that overlap lock alike.
      const rows = await sql.all<{ id: string }>(
        `SELECT id FROM conversations WHERE visitor_id = ? ORDER BY id${lock}`,
        [visitorId],
      );
      return rows.map((r) => r.id);
    },

    async deleteConversation(id) {
      // Every file of the conversation, sent or not (agents upload into it before sending).
      const fileIds = await deleteFiles('conversation_id = ?', [id]);
      for (const statement of CONVERSATION_ROWS) await sql.run(statement, [id]);
      await deleteDeliveriesNaming(id);
      return fileIds;
    },

    async deleteContact(visitorId) {
      // What they uploaded and never sent, and MMS fetched for them ('provider'), wherever it is.
      const fileIds = await deleteFiles("uploader_kind IN ('visitor', 'provider') AND uploader_id = ?", [
        visitorId,
      ]);
      for (const statement of CONTACT_ROWS) await sql.run(statement, [visitorId]);
      await deleteDeliveriesNaming(visitorId);
      return fileIds;
    },
  };
}

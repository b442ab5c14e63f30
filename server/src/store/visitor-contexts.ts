import { VisitorContextSchema, type VisitorContext } from '@livechat/shared/model';
import type { VisitorContextStore } from '../domain/visitor-context/context-store.js';
import type { Sql } from './sql/sql.js';

/** A stored context that no longer reads as one (never written so, but JSON is only text) counts as none. */
function parse(text: string | undefined): VisitorContext | null {
  if (text === undefined) return null;
  try {
    const result = VisitorContextSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

const UPSERT = `INSERT INTO conversation_contexts (conversation_id, context, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (conversation_id) DO UPDATE SET context = excluded.context, updated_at = excluded.updated_at`;

export function createVisitorContextStore(sql: Sql): VisitorContextStore {
  return {
    of: async (conversationId) =>
      parse(
        await sql.value<string>('SELECT context FROM conversation_contexts WHERE conversation_id = ?', [
          conversationId,
        ]),
      ),
    latestOfVisitor: async (visitorId) =>
      parse(
        await sql.value<string>(
          `SELECT x.context FROM conversation_contexts x JOIN conversations c ON c.id = x.conversation_id
            WHERE c.visitor_id = ? ORDER BY x.updated_at DESC LIMIT 1`,
          [visitorId],
        ),
      ),
    put: async (conversationId, context) => {
      await sql.run(UPSERT, [conversationId, JSON.stringify(context), context.updatedAt]);
    },
  };
}

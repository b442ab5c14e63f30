import type { Answer } from '@livechat/shared/model';
import type { Database } from './database.js';

export function createAnswerStore(db: Database) {
  const upsert = db.prepare(
    `INSERT INTO answers (conversation_id, step_id, question, field, value, answered_at)
     VALUES (@conversationId, @stepId, @question, @field, @value, @answeredAt)
     ON CONFLICT (conversation_id, step_id) DO UPDATE SET
       question = excluded.question, field = excluded.field, value = excluded.value, answered_at = excluded.answered_at`,
  );
  const list = db.prepare<[string], Answer>(
    `SELECT step_id AS stepId, question, field, value, answered_at AS answeredAt
     FROM answers WHERE conversation_id = ? ORDER BY answered_at`,
  );
  return {
    save: (conversationId: string, answer: Answer) => void upsert.run({ conversationId, ...answer }),
    of: (conversationId: string): Answer[] => list.all(conversationId),
  };
}
export type AnswerStore = ReturnType<typeof createAnswerStore>;

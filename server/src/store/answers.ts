import type { Answer } from '@livechat/shared/model';
import type { AnswerStore } from '../domain/store.js';
import type { Sql } from './sql/sql.js';
import { writer } from './write.js';

const UPSERT = `INSERT INTO answers (conversation_id, step_id, question, field, value, answered_at)
  VALUES (@conversationId, @stepId, @question, @field, @value, @answeredAt)
  ON CONFLICT (conversation_id, step_id) DO UPDATE SET
    question = excluded.question, field = excluded.field, value = excluded.value, answered_at = excluded.answered_at`;

export function createAnswerStore(sql: Sql): AnswerStore {
  const write = writer(sql);
  return {
    save: (conversationId, answer) => write(UPSERT, { conversationId, ...answer }),
    // Quoted aliases: PostgreSQL folds unquoted ones to lower case.
    of: (conversationId) =>
      sql.all<Answer>(
        `SELECT step_id AS "stepId", question, field, value, answered_at AS "answeredAt"
         FROM answers WHERE conversation_id = ? ORDER BY answered_at, step_id`,
        [conversationId],
      ),
  };
}

-- Visitor context kept with the conversation (the side panel's "Visitor"): the visitor's current page, this
-- session's pages, referrer, browser, OS, language and time zone, as JSON (model/visitor-context.ts). Written on each
-- page the widget reports while the conversation is open; erased with the conversation (store/erasure.ts).
CREATE TABLE conversation_contexts (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
  context TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

// The floor: the bare relay plus the least a durable chat must do before it relays a message: store it in SQLite
// (WAL, synchronous=NORMAL, as our server) with the next gap-free seq of its conversation, under the same keys
// (conversation + seq, and the author's command id), committing what arrived in one event-loop turn together.
// No checks, no ack, no auth: whatever our server costs above this is ours to cut; below it nothing durable goes.
// Listens on 127.0.0.1:$PORT, stores in $DATA_DIR, prints `listening <port>` once it does.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WebSocketServer } from 'ws';

const require = createRequire(path.join(import.meta.dirname, '../server/package.json'));
const Database = require('better-sqlite3');

const db = new Database(path.join(process.env.DATA_DIR, 'floor.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`
  CREATE TABLE conversations (id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL);
  CREATE TABLE messages (id TEXT NOT NULL, conversation_id TEXT NOT NULL, seq INTEGER NOT NULL,
    client_id TEXT NOT NULL, author_id TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
    UNIQUE (conversation_id, seq));
  CREATE UNIQUE INDEX messages_idempotency ON messages(author_id, client_id);`);
const open = db.prepare('INSERT INTO conversations (id, last_seq) VALUES (?, 0)');
const advance = db
  .prepare('UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq')
  .pluck();
const insert = db.prepare('INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?, ?)');
const storeBatch = db.transaction((batch) => {
  for (const m of batch) {
    const seq = advance.get(m.conversationId);
    insert.run(randomUUID(), m.conversationId, seq, m.id, m.conversationId, m.body, Date.now());
  }
});

let receiver = null;
let batch = [];
const commit = () => {
  const committed = batch;
  batch = [];
  storeBatch(committed);
  for (const m of committed) receiver?.send(m.frame);
};

const wss = new WebSocketServer({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
wss.on('connection', (ws, req) => {
  if (req.url === '/receiver') return void (receiver = ws);
  const conversationId = randomUUID();
  open.run(conversationId);
  ws.on('message', (data) => {
    const frame = data.toString();
    const { id, body } = JSON.parse(frame);
    if (batch.length === 0) setImmediate(commit);
    batch.push({ conversationId, id, body, frame });
  });
});
wss.once('listening', () => console.log(`listening ${wss.address().port}`));
process.once('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  wss.close(() => {
    db.close();
    process.exit(0);
  });
});

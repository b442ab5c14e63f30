// A client's command id is its idempotency key, per author: an exact resend gets the stored message back, and a
// reuse of the id for another message (another conversation, another body) is refused with client_id_reused, never
// answered with the first message while the new one is dropped.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Message } from '@livechat/shared/model';
import { cid, closeTestSockets, connectedAgent, login, makeApp, type TestSocket } from './helper.js';
import { call, visitorChat } from './inbox-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

const stored = (conversationId: string) => app.store.messages.after(conversationId, 0, 1000);
const visitorOf = async (message: Message) => (await app.store.visitors.byId(message.author.id!))!;

/** Sends a message frame and returns the ack's message or the error frame that answered it. */
async function send(socket: TestSocket, frame: Record<string, unknown>) {
  const from = socket.frames.length;
  socket.send({ type: 'message.send', ...frame });
  const answer = await socket.waitFor(
    (f) => (f.type === 'ack' || f.type === 'error') && f.id === frame.id,
    from,
  );
  return answer.type === 'ack'
    ? { message: answer.message as Message }
    : { error: answer as unknown as { code: string; message: string } };
}

describe('command ids', () => {
  it('agent socket: an exact resend returns the original; the id on another conversation or body is refused', async () => {
    app = await makeApp();
    const admin = await login(app);
    const a = await visitorChat(app, 'first chat');
    const b = await visitorChat(app, 'second chat');
    const agent = await connectedAgent(app, admin);
    const id = cid('agent');

    const first = await send(agent, { id, conversationId: a.conversationId, body: 'Hi A' });
    expect(first.message).toMatchObject({ conversationId: a.conversationId, body: 'Hi A', clientId: id });
    const again = await send(agent, { id, conversationId: a.conversationId, body: 'Hi A' });
    expect(again.message).toEqual(first.message);

    const elsewhere = await send(agent, { id, conversationId: b.conversationId, body: 'Hi B' });
    expect(elsewhere.error).toMatchObject({ code: 'client_id_reused' });
    expect(elsewhere.error!.message).toContain('another conversation');
    const changed = await send(agent, { id, conversationId: a.conversationId, body: 'Hi A, edited' });
    expect(changed.error).toMatchObject({ code: 'client_id_reused' });

    expect((await stored(b.conversationId)).map((m) => m.body)).toEqual(['second chat']);
    expect((await stored(a.conversationId)).map((m) => m.body)).toEqual(['first chat', 'Hi A']);
  });

  it('HTTP: 201 then 200 with the same message for a resend; 409 client_id_reused for a clash', async () => {
    app = await makeApp();
    const admin = await login(app);
    const a = await visitorChat(app, 'first chat');
    const b = await visitorChat(app, 'second chat');
    const clientId = cid('http');
    const post = (conversationId: string, body: string) =>
      call(app, admin, 'POST', `/api/conversations/${conversationId}/messages`, { clientId, body });

    const created = await post(a.conversationId, 'Hi A');
    expect(created.statusCode).toBe(201);
    const resent = await post(a.conversationId, 'Hi A');
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toEqual(created.json());

    for (const [conversationId, body] of [
      [b.conversationId, 'Hi A'],
      [b.conversationId, 'Hi B'],
      [a.conversationId, 'Hi A, edited'],
    ] as const) {
      const clash = await post(conversationId, body);
      expect(clash.statusCode, `${conversationId} ${body}`).toBe(409);
      expect(clash.json()).toMatchObject({ error: { code: 'client_id_reused' } });
    }
    expect((await stored(b.conversationId)).map((m) => m.body)).toEqual(['second chat']);
    expect((await stored(a.conversationId)).map((m) => m.body)).toEqual(['first chat', 'Hi A']);

    // The id space is the author's, over both channels: the socket clashes with the HTTP reply too.
    const agent = await connectedAgent(app, admin);
    expect(
      (await send(agent, { id: clientId, conversationId: b.conversationId, body: 'Hi A' })).error,
    ).toMatchObject({ code: 'client_id_reused' });
    expect(
      (await send(agent, { id: clientId, conversationId: a.conversationId, body: 'Hi A' })).message,
    ).toEqual(created.json<{ message: Message }>().message);
  });

  it('visitor socket: a resend returns the original, even after its conversation closed; another body is refused', async () => {
    app = await makeApp();
    const admin = await login(app);
    const { socket, conversationId } = await visitorChat(app, 'Hello there');
    const id = cid('visitor');

    const first = (await send(socket, { id, body: 'Are you there?' })) as { message: Message };
    expect(first.message).toMatchObject({ conversationId, body: 'Are you there?' });
    expect((await send(socket, { id, body: 'Are you there?' })).message).toEqual(first.message);
    const changed = await send(socket, { id, body: 'Something else' });
    expect(changed.error).toMatchObject({ code: 'client_id_reused' });
    expect(changed.error!.message).toContain('different message');

    // Closed by the team: the lost ack's resend still answers with the original, and opens nothing new.
    expect((await call(app, admin, 'POST', `/api/conversations/${conversationId}/close`)).statusCode).toBe(
      200,
    );
    expect((await send(socket, { id, body: 'Are you there?' })).message).toEqual(first.message);
    expect(await app.domain.chat.openConversationOf(await visitorOf(first.message))).toBeNull();
    // The same id with a new text in what would be a new conversation: refused, nothing stored, nothing opened.
    expect((await send(socket, { id, body: 'New question' })).error).toMatchObject({
      code: 'client_id_reused',
    });
    expect(await app.domain.chat.openConversationOf(await visitorOf(first.message))).toBeNull();
    expect(
      (await stored(conversationId)).filter((m) => m.author.kind === 'visitor').map((m) => m.body),
    ).toEqual(['Hello there', 'Are you there?']);
  });
});

// Bot texts per language: the playbook keeps translations beside each default text; a visitor whose widget speaks
// Turkish (the hello says so, or else the browser's Accept-Language) reads the Turkish texts, for the whole run
// (also those sent after the wait, by the timer); a language without translations reads the site's default texts.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Playbook } from '@livechat/shared/model';
import { PROTOCOL_VERSION, VISITOR_SOCKET_PATH } from '@livechat/shared/protocol/constants';
import { VisitorServerFrameSchema } from '@livechat/shared/protocol';
import { DEMO_SITE_KEY } from '../src/domain/index.js';
import {
  closeTestSockets,
  connectedVisitor,
  demoSite,
  login,
  makeApp,
  SITE_ORIGIN,
  TestSocket,
} from './helper.js';
import { say, startChat, testPlaybook, text, transcript, waitForMessage } from './playbook-helper.js';

let app: FastifyInstance;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
});

/** The test playbook with Turkish texts for the greeting, the question, the card and the offline flow. */
function translatedPlaybook(): Playbook {
  const playbook = testPlaybook(1);
  const [hi, topic, card] = playbook.steps;
  if (hi?.kind !== 'message' || topic?.kind !== 'question' || card?.kind !== 'live_chat')
    throw new Error('steps');
  hi.translations = { tr: { text: text('Merhaba, ben Ava') }, sl: {} };
  topic.translations = { tr: { text: text('Sizi buraya ne getirdi?') } };
  card.translations = {
    tr: { onlineMessage: text('Ekibe bağlanıyorsunuz'), offlineMessage: text('Şu an kimse yok') },
  };
  card.offlineFlow.capture[0]!.translations = { tr: { text: text('Adınız?') } };
  card.offlineFlow.translations = { tr: { thankYou: text('Teşekkürler, size yazacağız') } };
  return playbook;
}

async function saveTranslated(): Promise<void> {
  const cookie = await login(app);
  const res = await app.inject({
    method: 'PUT',
    url: `/api/sites/${(await demoSite(app)).id}/playbook`,
    headers: { cookie },
    payload: translatedPlaybook(),
  });
  expect(res.statusCode).toBe(200);
  // Kept as saved, so the Playbook page reads the translations back.
  expect(res.json<{ playbook: Playbook }>().playbook.steps[0]).toMatchObject({
    translations: { tr: { text: text('Merhaba, ben Ava') } },
  });
}

describe('bot texts in the visitor’s language', () => {
  it('a visitor whose hello says tr reads the Turkish texts, also those the wait timer sends', async () => {
    app = await makeApp();
    await saveTranslated();
    const { socket } = await connectedVisitor(app, { locale: 'tr' });
    await startChat(socket);
    expect(transcript(socket)).toEqual([
      'bot:rich:Merhaba, ben Ava',
      'bot:question:Sizi buraya ne getirdi?\nPricing · Demo',
    ]);
    await say(socket, 'Demo');
    // Nobody is available: the offline message (after the card), then the capture and the thanks, in Turkish.
    await waitForMessage(socket, 'Adınız?');
    await say(socket, 'Vera');
    // Email has no Turkish prompt: the default one.
    await waitForMessage(socket, 'Your email?');
    await say(socket, 'vera@example.com');
    await waitForMessage(socket, 'Teşekkürler, size yazacağız');
    const said = transcript(socket).join('\n');
    expect(said).toContain('Şu an kimse yok');
    expect(said).not.toMatch(
      /Hello from Ava|What brings you here|Nobody is around|Your name\?|Thanks, we will/,
    );
  });

  it('an sl visitor (no translated text) and a visitor without a language read the default texts', async () => {
    app = await makeApp();
    await saveTranslated();
    for (const hello of [{ locale: 'sl' }, {}, { locale: 'de' }]) {
      const { socket } = await connectedVisitor(app, hello);
      await startChat(socket);
      expect(transcript(socket)).toEqual([
        'bot:rich:Hello from Ava',
        'bot:question:What brings you here?\nPricing · Demo',
      ]);
    }
  });

  it('without a language in the hello, the browser’s Accept-Language picks it', async () => {
    app = await makeApp();
    await saveTranslated();
    const ws = await app.injectWS(`${VISITOR_SOCKET_PATH}?siteKey=${DEMO_SITE_KEY}`, {
      headers: { origin: SITE_ORIGIN, 'accept-language': 'de-DE,tr;q=0.9,en;q=0.8' },
    });
    const socket = new TestSocket(ws, VisitorServerFrameSchema);
    socket.send({ type: 'hello', v: PROTOCOL_VERSION });
    await socket.waitFor((f) => f.type === 'welcome');
    await startChat(socket);
    expect(transcript(socket)[0]).toBe('bot:rich:Merhaba, ben Ava');
  });

  it('a conversation opened by the visitor’s first message greets in their language too', async () => {
    app = await makeApp();
    await saveTranslated();
    const { socket } = await connectedVisitor(app, { locale: 'tr' });
    await say(socket, 'Merhaba');
    await waitForMessage(socket, 'Merhaba, ben Ava');
  });
});

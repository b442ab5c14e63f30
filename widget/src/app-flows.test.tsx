// What a visitor met on the demo site (issue 8): the log keeps the newest content in view, long messages get a
// visible limit and a clear refusal, the browser's offline/online events act at once, closed conversations stay
// readable, and the header states the conversation's real situation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import {
  SITE,
  TOKEN,
  agentJoined,
  agentMessage,
  botMessage,
  question,
  richText,
  systemMessage,
  visitorMessage,
  welcome,
  type SentMessage,
} from './testing/fake-socket.js';
import { mountForTest, server } from './testing/mount.js';
import { browserLanguages, typeAndEnter } from './testing/user.js';

type Mounted = ReturnType<typeof mountForTest>;

const connect = (m: Mounted, conversationId: string | null, extra: object = {}, ...messages: object[]) =>
  server(() => {
    m.net.last.open();
    m.net.last.receive(welcome(conversationId, TOKEN, { site: SITE, online: true, ...extra }));
    for (const message of messages) m.net.last.receive({ type: 'message.created', message });
  });

const receive = (m: Mounted, ...messages: object[]) =>
  server(() => {
    for (const message of messages) m.net.last.receive({ type: 'message.created', message });
  });

const sub = (m: Mounted) => m.root.querySelector('.sub')!.textContent;
const heading = (m: Mounted) => m.root.querySelector('h2')!.textContent;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the log keeps the newest content in view', () => {
  let resized: (() => void)[];
  beforeEach(() => {
    resized = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          resized.push(callback);
        }
        observe() {}
        disconnect() {}
      },
    );
  });

  /** Gives the log a layout: `content` px of messages in a `view` px box. */
  function layout(m: Mounted, size: { content: number; view: number }) {
    const log = m.ui.getByRole('log');
    Object.defineProperty(log, 'scrollHeight', { configurable: true, get: () => size.content });
    Object.defineProperty(log, 'clientHeight', { configurable: true, get: () => size.view });
    return log;
  }

  it('scrolls to the bottom when choices appear below the question, and when the log shrinks', async () => {
    const m = mountForTest();
    const size = { content: 900, view: 300 };
    const log = layout(m, size);
    await connect(m, 'c1', {}, botMessage(1));
    expect(log.scrollTop).toBe(900);

    size.content = 1200;
    await receive(m, botMessage(2, question('choice', ['Pricing', 'A demo'])));
    expect(m.ui.getByRole('button', { name: 'Pricing' })).toBeTruthy();
    expect(log.scrollTop).toBe(1200);

    // The invalid-answer notice appears under the log: the log shrinks and follows.
    typeAndEnter(m.textbox(), 'something else');
    expect(m.ui.getByRole('alert').textContent).toBe('Please pick one of the options.');
    size.content = 1250;
    for (const callback of resized) callback();
    expect(log.scrollTop).toBe(1250);
  });

  it('leaves the visitor where they are after they scrolled up to read, and follows again at the bottom', async () => {
    const m = mountForTest();
    const size = { content: 900, view: 300 };
    const log = layout(m, size);
    await connect(m, 'c1', {}, agentMessage(1));
    log.scrollTop = 100;
    fireEvent.scroll(log);
    size.content = 1000;
    await receive(m, agentMessage(2));
    expect(log.scrollTop).toBe(100);

    log.scrollTop = 700; // back at the bottom (1000 - 300)
    fireEvent.scroll(log);
    size.content = 1100;
    await receive(m, agentMessage(3));
    expect(log.scrollTop).toBe(1100);
  });

  it('shows the visitor their own new message even when they had scrolled up', async () => {
    const m = mountForTest();
    const size = { content: 900, view: 300 };
    const log = layout(m, size);
    await connect(m, 'c1', {}, agentMessage(1));
    log.scrollTop = 100;
    fireEvent.scroll(log);
    size.content = 1000;
    typeAndEnter(m.textbox(), 'My own question');
    expect(m.ui.getByText('My own question')).toBeTruthy();
    expect(log.scrollTop).toBe(1000);
  });
});

describe('message length', () => {
  it('shows a counter near the limit, refuses over it with a clear message, and never cuts the text', async () => {
    const m = mountForTest();
    await connect(m, 'c1');
    const box = m.textbox() as HTMLTextAreaElement;
    expect(box.hasAttribute('maxlength')).toBe(false);
    void act(() => {
      fireEvent.input(box, { target: { value: 'x'.repeat(3000) } });
    });
    expect(m.root.querySelector('.count')).toBeNull();

    void act(() => {
      fireEvent.input(box, { target: { value: 'x'.repeat(4000) } });
    });
    expect(m.root.querySelector('.count')?.textContent).toBe('4000/4000');
    expect(m.ui.queryByRole('alert')).toBeNull();

    const long = `${'word '.repeat(800)}more`; // 4004 characters
    typeAndEnter(box, long);
    expect(box.value).toBe(long);
    expect(m.root.querySelector('.count')?.textContent).toBe('4004/4000');
    const alert = m.ui.getByRole('alert');
    expect(alert.textContent).toBe('Please shorten your message to 4000 characters or fewer.');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe(alert.id);
    expect(m.ui.getByRole<HTMLButtonElement>('button', { name: 'Send' }).disabled).toBe(true);
    expect(m.net.last.sentOfType('message.send')).toEqual([]);
    expect(m.bubbles()).toEqual([]);

    typeAndEnter(box, 'x'.repeat(4000));
    expect(m.net.last.sentOfType<SentMessage>('message.send')[0]?.body).toHaveLength(4000);
  });

  it('says so in the visitor’s language, with the shorter limit of an answer to the bot', async () => {
    browserLanguages(['tr']);
    const m = mountForTest();
    await connect(m, 'c1', {}, botMessage(1, question('text')));
    // Turkish is fetched on first use.
    typeAndEnter(await m.ui.findByRole('textbox', { name: 'Mesaj' }), 'a'.repeat(501));
    expect(m.ui.getByRole('alert').textContent).toBe(
      'Lütfen mesajınızı en fazla 500 karakter olacak şekilde kısaltın.',
    );
    expect(m.root.querySelector('.count')?.textContent).toBe('501/500');
    expect(m.net.last.sentOfType('message.send')).toEqual([]);
  });
});

describe('network events', () => {
  it('shows the offline state at once on the browser’s offline event, and reconnects at once when online', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const m = mountForTest();
      await connect(m, 'c1');
      const first = m.net.last;
      expect(sub(m)).toBe("We're online");

      await server(() => window.dispatchEvent(new Event('offline')));
      expect(sub(m)).toBe('Offline');
      expect(first.readyState).toBe(3); // the socket is dropped, not left to the 45 s heartbeat

      await server(() => window.dispatchEvent(new Event('online')));
      expect(m.net.sockets).toHaveLength(2); // at once, no backoff wait
      expect(sub(m)).toBe('Reconnecting…');
      await connect(m, 'c1');
      expect(sub(m)).toBe("We're online");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('earlier conversations', () => {
  const closedC1 = [
    visitorMessage(1, 'client-c1-1', 'Where is my order?'),
    agentMessage(2, { body: 'It ships today.' }),
    systemMessage(3, { type: 'closed' }),
  ];

  it('stay readable after a close and a reload; writing again starts a new conversation below', async () => {
    const m = mountForTest();
    await connect(m, null, { history: ['c1'] }, ...closedC1);
    expect(m.bubbles()).toEqual(['Where is my order?', 'It ships today.']);
    expect(m.ui.getByText('This chat was closed. Write again any time to start a new one.')).toBeTruthy();
    // Opening the panel on a closed conversation starts nothing until the visitor writes.
    expect(m.net.last.sentOfType('conversation.start')).toEqual([]);

    typeAndEnter(m.textbox(), 'Another question');
    const [sent] = m.net.last.sentOfType<SentMessage>('message.send');
    await server(() =>
      m.net.last.receive({
        type: 'ack',
        id: sent!.id,
        message: visitorMessage(1, sent!.id, 'Another question', 'c2'),
      }),
    );
    await receive(m, { ...botMessage(2), conversationId: 'c2', id: 'c2-m2' });
    expect(m.bubbles()).toEqual(['Where is my order?', 'It ships today.', 'Another question', 'bot says 2']);

    // A reconnect resumes the newest conversation.
    await server(() => {
      m.net.last.drop(1006);
      window.dispatchEvent(new Event('online'));
      m.net.last.open();
    });
    expect(m.net.last.sent[0]).toMatchObject({ resume: { conversationId: 'c2', afterSeq: 2 } });
  });

  it('list the replayed conversations oldest first and report only what is new to the host', async () => {
    localStorage.setItem(
      'livechat:site_1',
      JSON.stringify({ token: TOKEN, open: true, seen: { conversationId: 'c2', seq: 1 } }),
    );
    const m = mountForTest();
    const c2 = (seq: number, body: string) => agentMessage(seq, { conversationId: 'c2', body });
    await connect(m, 'c2', { history: ['c1', 'c2'] }, ...closedC1, c2(1, 'old news'), c2(2, 'fresh'));
    expect(m.bubbles()).toEqual(['Where is my order?', 'It ships today.', 'old news', 'fresh']);
    expect(m.onMessage.mock.calls).toEqual([[{ author: { kind: 'agent', name: 'Ada' }, body: 'fresh' }]]);
  });

  it('resume from the older conversation when the connection drops in the middle of its replay', async () => {
    const m = mountForTest();
    await connect(m, 'c2', { history: ['c1', 'c2'] }, closedC1[0]!);
    await server(() => {
      m.net.last.drop(1006);
      window.dispatchEvent(new Event('online'));
      m.net.last.open();
    });
    expect(m.net.last.sent[0]).toMatchObject({ resume: { conversationId: 'c1', afterSeq: 1 } });
  });
});

describe('header states the conversation’s real situation', () => {
  it('names the agent in the chat without an online/away line, even while presence says away', async () => {
    const m = mountForTest();
    await connect(m, 'c1', { online: false }, botMessage(1));
    expect(sub(m)).toBe("We're away — leave a message");
    // An admin replies without the Available switch on.
    await receive(m, agentMessage(2, { author: { kind: 'agent', id: 'a2', name: 'Admin' } }));
    expect(heading(m)).toBe('Admin');
    expect(sub(m)).toBe('');
  });

  it('goes back to the bot with a "left the chat" line when the agent leaves', async () => {
    const m = mountForTest();
    await connect(m, 'c1', {}, systemMessage(1, agentJoined('Ada Lovelace')), agentMessage(2));
    expect(heading(m)).toBe('Ada');
    await receive(m, systemMessage(3, { type: 'agent_left', agent: { id: 'a1', name: 'Ada Lovelace' } }));
    expect(heading(m)).toBe('Robo Helper');
    expect(m.ui.getByText('Ada Lovelace left the chat').className).toBe('event');
    expect(sub(m)).toBe("We're online");
  });

  it("does not say We're online beside the bot saying the team is away", async () => {
    const m = mountForTest();
    const away = {
      type: 'rich' as const,
      text: richText('Our team is away right now.'),
      away: true as const,
    };
    await connect(m, 'c1', { online: true }, botMessage(1, away), botMessage(2, question('email')));
    expect(sub(m)).toBe("We're away — leave a message");
    expect(m.root.querySelector('.sub .dot')?.className).toBe('dot off');
  });

  it.each([
    ['tr', 'Ada sohbetten ayrıldı'],
    ['sl', 'Ada ni več v klepetu'],
  ])('says who left in %s', async (language, text) => {
    browserLanguages([language]);
    const m = mountForTest();
    await connect(m, 'c1', {}, systemMessage(1, { type: 'agent_left', agent: { id: 'a1', name: 'Ada' } }));
    expect(await m.ui.findByText(text)).toBeTruthy();
  });
});

// The playbook in the panel: starting the conversation on open, bot messages in rich text, questions with fitting
// inputs, the wait for an agent and the switch to the agent who joins.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import type { MessageContent } from '@livechat/shared/model';
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
import { typeAndEnter } from './testing/user.js';

type Mounted = ReturnType<typeof mountForTest>;

/** Connects with a playbook-era welcome, then delivers `messages` as `message.created`. */
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

const starts = (m: Mounted) => m.net.last.sentOfType<{ id: string }>('conversation.start');
const sends = (m: Mounted) => m.net.last.sentOfType<SentMessage>('message.send');

afterEach(() => {
  vi.useRealTimers();
});

describe('starting the conversation', () => {
  it('sends conversation.start once when the visitor opens a chat with no conversation', async () => {
    const m = mountForTest();
    await connect(m, null);
    const [start] = starts(m);
    expect(start).toEqual({ type: 'conversation.start', id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    // Closing and opening again, or another welcome on the same socket, starts nothing new.
    void act(() => m.handle.hide());
    void act(() => m.handle.show());
    expect(starts(m)).toHaveLength(1);
  });

  it('resends the same command id after a reconnect until it is acked', async () => {
    const m = mountForTest();
    await connect(m, null);
    const first = m.net.last;
    const [start] = starts(m);
    await server(() => {
      first.drop(1006);
      window.dispatchEvent(new Event('online'));
    });
    await connect(m, null);
    expect(m.net.last).not.toBe(first);
    expect(starts(m)).toEqual([start]);
    await server(() => m.net.last.receive({ type: 'ack', id: start!.id }));
    await server(() => m.net.last.receive(welcome(null)));
    expect(starts(m)).toEqual([start]);
  });

  it('does not start when a conversation is open', async () => {
    const m = mountForTest();
    await connect(m, 'c1');
    expect(starts(m)).toEqual([]);
  });

  it('does not start when the chat was only loaded in the background, but does once it is opened', async () => {
    const m = mountForTest(undefined, { open: false });
    await connect(m, null);
    expect(starts(m)).toEqual([]);
    await server(() => m.handle.show());
    expect(starts(m)).toHaveLength(1);
  });
});

describe('bot messages', () => {
  it('renders rich text instead of the plain body, and reports them to the host', async () => {
    const m = mountForTest();
    const rich: MessageContent = { type: 'rich', text: richText('Hello ', 'there') };
    await connect(m, 'c1', {}, botMessage(1, rich, 'Hello there (plain)'));
    expect(m.ui.queryByText('Hello there (plain)')).toBeNull();
    const bold = m.root.querySelector('.rt p strong');
    expect(bold?.textContent).toBe('there');
    expect(m.root.querySelector('.author')?.textContent).toBe('Robo Helper');
    expect(m.onMessage).toHaveBeenCalledWith({
      author: { kind: 'bot', name: 'Robo Helper' },
      body: 'Hello there (plain)',
    });
  });

  it('shows a message of a content type it does not know by its body', async () => {
    const m = mountForTest();
    const future = { type: 'carousel', items: [] } as unknown as MessageContent;
    await connect(m, 'c1', {}, botMessage(1, future, 'Pick a product'));
    expect(m.bubbles()).toEqual(['Pick a product']);
  });

  it('shows a refused answer in the widget language, not the body', async () => {
    const m = mountForTest();
    await connect(
      m,
      'c1',
      {},
      botMessage(1, question('email')),
      visitorMessage(2, 'client-1', 'nope'),
      botMessage(3, { type: 'invalid_answer', input: 'email' }, 'invalid email (server text)'),
    );
    expect(m.ui.getByText('Please enter a valid email address.')).toBeTruthy();
    expect(m.ui.queryByText('invalid email (server text)')).toBeNull();
    // The question still waits for its answer.
    expect(m.textbox().getAttribute('inputmode')).toBe('email');
  });
});

describe('questions', () => {
  it('offers the options of a choice question as buttons that send the option', async () => {
    const m = mountForTest();
    await connect(m, 'c1', {}, botMessage(1, question('choice', ['Sales', 'Support'])));
    expect(m.ui.getByRole('button', { name: 'Sales' })).toBeTruthy();
    await server(() => fireEvent.click(m.ui.getByRole('button', { name: 'Support' })));
    expect(sends(m).map((s) => s.body)).toEqual(['Support']);
    // Answered (still sending): the options are gone and the textbox is a normal one again.
    expect(m.ui.queryByRole('button', { name: 'Sales' })).toBeNull();
    expect(m.bubbles().at(-1)).toBe('Support');
  });

  it('takes a typed option too, spelled as the option', async () => {
    const m = mountForTest();
    await connect(m, 'c1', {}, botMessage(1, question('choice', ['Sales', 'Support'])));
    typeAndEnter(m.textbox(), 'support ');
    await server(() => {});
    expect(sends(m).map((s) => s.body)).toEqual(['Support']);
  });

  it('checks an email answer before sending it, and says why in an alert linked to the textbox', async () => {
    const m = mountForTest();
    await connect(m, 'c1', {}, botMessage(1, question('email')));
    const box = m.ui.getByRole('textbox', { name: 'Message' });
    expect(box.getAttribute('inputmode')).toBe('email');
    expect(box.getAttribute('placeholder')).toBe('Your email address');
    expect(m.ui.getByRole('button', { name: 'Send' })).toBeTruthy();

    typeAndEnter(box, 'not-an-email');
    const alert = m.ui.getByRole('alert');
    expect(alert.textContent).toBe('Please enter a valid email address.');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe(alert.id);
    expect(sends(m)).toEqual([]);
    expect((box as HTMLTextAreaElement).value).toBe('not-an-email');

    typeAndEnter(box, 'Ada@Example.com');
    await server(() => {});
    expect(m.ui.queryByRole('alert')).toBeNull();
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(sends(m).map((s) => s.body)).toEqual(['ada@example.com']);
    expect(box.getAttribute('inputmode')).toBeNull();
    expect(box.getAttribute('placeholder')).toBe('Write a message…');
  });

  it('gives a phone question the phone keyboard and its own message', async () => {
    const m = mountForTest();
    await connect(m, 'c1', {}, botMessage(1, question('phone')));
    expect(m.textbox().getAttribute('inputmode')).toBe('tel');
    typeAndEnter(m.textbox(), 'call me');
    expect(m.ui.getByRole('alert').textContent).toBe('Please enter a valid phone number.');
    typeAndEnter(m.textbox(), '+386 (41) 123-456');
    expect(sends(m).map((s) => s.body)).toEqual(['+386 (41) 123-456']);
  });

  it('treats only the newest unanswered question as the input', async () => {
    const m = mountForTest();
    await connect(m, 'c1', {}, botMessage(1, question('email')), visitorMessage(2, 'client-1', 'a@b.co'));
    expect(m.textbox().getAttribute('inputmode')).toBeNull();
    typeAndEnter(m.textbox(), 'anything goes');
    expect(sends(m).map((s) => s.body)).toEqual(['anything goes']);
  });
});

describe('waiting for an agent', () => {
  const NOW = 1_700_000_000_000;

  it('counts down on the server clock in the one status element, and goes when an agent joins', async () => {
    vi.useFakeTimers({
      now: NOW,
      toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    const m = mountForTest();
    // The device clock is 10 s behind the server's: the wait ends 42 s from now, not 52.
    const serverNow = NOW + 10_000;
    await connect(
      m,
      'c1',
      { serverTime: serverNow },
      botMessage(1, { type: 'rich', text: richText('Connecting you to a human.') }),
      systemMessage(2, { type: 'waiting', until: serverNow + 42_000 }),
    );
    const status = m.ui.getByRole('status');
    expect(m.ui.getAllByRole('status')).toHaveLength(1);
    expect(status.textContent).toBe('Waiting for an agent… 0:42');
    const digits = status.querySelector('[aria-live="off"]');
    expect(digits?.textContent).toBe('0:42');

    await act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(m.ui.getByRole('status').textContent).toBe('Waiting for an agent… 0:37');
    // A visitor message does not end the wait.
    await receive(m, visitorMessage(3, 'client-1', 'hello?'));
    expect(m.ui.getByRole('status')).toBeTruthy();

    await receive(m, systemMessage(4, agentJoined('Ada Lovelace')));
    expect(m.ui.queryByRole('status')).toBeNull();
  });

  it('disappears when the time is up', async () => {
    vi.useFakeTimers({
      now: NOW,
      toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    const m = mountForTest();
    await connect(m, 'c1', { serverTime: NOW }, systemMessage(1, { type: 'waiting', until: NOW + 3_000 }));
    expect(m.ui.getByRole('status').textContent).toContain('0:03');
    await act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(m.ui.queryByRole('status')).toBeNull();
  });

  it('shows nothing for a wait that is already over (history)', async () => {
    const m = mountForTest();
    await connect(m, 'c1', { serverTime: Date.now() }, systemMessage(1, { type: 'waiting', until: 1 }));
    expect(m.ui.queryByRole('status')).toBeNull();
  });
});

describe('header', () => {
  it("shows the bot's name until an agent joins, then the agent's, with a join line", async () => {
    const m = mountForTest();
    expect(m.ui.getByRole('heading', { name: 'Chat with us' })).toBeTruthy();
    await connect(m, 'c1', {}, botMessage(1));
    expect(m.ui.getByRole('heading', { name: 'Robo Helper' })).toBeTruthy();
    expect(m.root.querySelector('.head .avatar')?.textContent).toBe('RH');

    await receive(
      m,
      systemMessage(2, agentJoined('Ada Lovelace')),
      agentMessage(3, { body: 'Hi, Ada here', author: { kind: 'agent', id: 'a1', name: 'Ada Lovelace' } }),
    );
    expect(m.ui.getByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(m.root.querySelector('.head .avatar')?.textContent).toBe('AL');
    expect(m.ui.getByText('Ada Lovelace joined the chat').className).toBe('event');
    // Agent bubbles keep their author line.
    expect([...m.root.querySelectorAll('.author')].map((a) => a.textContent)).toEqual([
      'Robo Helper',
      'Ada Lovelace',
    ]);
  });

  it('says in its own language that the team closed the chat, not the English body', async () => {
    const m = mountForTest();
    await connect(m, 'c1', {}, systemMessage(1, { type: 'closed' }));
    expect(m.ui.getByText('This chat was closed. Write again any time to start a new one.').className).toBe(
      'event',
    );
    expect(m.ui.queryByText('The chat was closed.')).toBeNull();
  });

  it("shows the bot's avatar image when the site has one (https only)", async () => {
    const m = mountForTest();
    await connect(m, 'c1', { site: { ...SITE, botAvatarUrl: 'https://cdn.example.com/robo.png' } });
    const img = m.root.querySelector<HTMLImageElement>('.head img.avatar');
    expect(img?.getAttribute('src')).toBe('https://cdn.example.com/robo.png');
    expect(img?.getAttribute('alt')).toBe('');
  });

  it('says whether anyone is there, following presence frames', async () => {
    const m = mountForTest();
    await connect(m, 'c1', { online: false });
    const sub = m.root.querySelector('.sub')!;
    expect(sub.textContent).toBe("We're away — leave a message");
    expect(sub.getAttribute('aria-live')).toBe('polite');
    await server(() => m.net.last.receive({ type: 'presence', online: true }));
    expect(sub.textContent).toBe("We're online");
    await server(() => m.net.last.receive({ type: 'presence', online: false }));
    expect(sub.textContent).toBe("We're away — leave a message");
    // The connection comes first.
    await server(() => m.net.last.drop(1006));
    expect(sub.textContent).toBe('Reconnecting…');
    expect(m.ui.queryByRole('status')).toBeNull();
  });
});

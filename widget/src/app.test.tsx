import { describe, expect, it } from 'vitest';
import { fireEvent } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { TOKEN, agentMessage, visitorMessage, welcome, type SentMessage } from './testing/fake-socket.js';
import { mountForTest, server } from './testing/mount.js';
import { typeAndEnter } from './testing/user.js';

describe('chat panel', () => {
  it('has the accessible controls and closes through the host callback', () => {
    const { ui, onClose } = mountForTest();
    expect(ui.getByRole('heading', { name: 'Chat with us' })).toBeTruthy();
    expect(ui.getByRole('log').getAttribute('aria-live')).toBe('polite');
    expect(ui.getByRole('button', { name: 'Send' })).toBeTruthy();
    void act(() => {
      fireEvent.click(ui.getByRole('button', { name: 'Close chat' }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('connects to the visitor socket of its site', () => {
    const { net } = mountForTest();
    expect(net.last.url).toBe('wss://chat.example.com/ws/visitor?siteKey=site_1');
  });

  it('renders message bodies as text, never as markup', async () => {
    const { net, root, ui } = mountForTest();
    const body = '<img src=x onerror="window.__xss=1"><b>bold</b>';
    await server(() => {
      net.last.open();
      net.last.receive(welcome('c1', TOKEN));
      net.last.receive({ type: 'message.created', message: agentMessage(1, { body }) });
    });
    expect(ui.getByText(body)).toBeTruthy();
    expect(root.querySelector('img, b')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
    expect(root.querySelector('.author')?.textContent).toBe('Ada');
  });

  it('shows a message typed offline at once as Sending…, then as sent after the ack', async () => {
    const { net, ui, textbox, bubbles } = mountForTest();
    expect(ui.getByText('Connecting…')).toBeTruthy();
    typeAndEnter(textbox(), 'Hello there');
    expect(bubbles()).toEqual(['Hello there']);
    expect(ui.getByText('Sending…')).toBeTruthy();
    expect((textbox() as HTMLTextAreaElement).value).toBe('');
    expect(net.last.sentOfType<SentMessage>('message.send')).toEqual([]);

    await server(() => {
      net.last.open();
      net.last.receive(welcome(null, TOKEN));
    });
    const [sent] = net.last.sentOfType<SentMessage>('message.send');
    expect(sent?.body).toBe('Hello there');
    expect(ui.getByText('Sending…')).toBeTruthy();

    await server(() => {
      net.last.receive({ type: 'ack', id: sent!.id, message: visitorMessage(1, sent!.id, 'Hello there') });
    });
    expect(ui.queryByText('Sending…')).toBeNull();
    expect(bubbles()).toEqual(['Hello there']);
    expect(ui.queryByText('Connecting…')).toBeNull();
  });

  it('Shift+Enter does not send', () => {
    const { textbox, bubbles } = mountForTest();
    typeAndEnter(textbox(), 'line one', { shiftKey: true });
    expect(bubbles()).toEqual([]);
  });

  it('keeps each message once, in seq order, across ack, echo and replay', async () => {
    const { net, bubbles, textbox } = mountForTest();
    const first = net.last;
    await server(() => {
      first.open();
      first.receive(welcome('c1', TOKEN));
      first.receive({ type: 'message.created', message: agentMessage(2) });
      first.receive({ type: 'message.created', message: agentMessage(1) }); // out of order
    });
    expect(bubbles()).toEqual(['agent says 1', 'agent says 2']);

    typeAndEnter(textbox(), 'mine');
    const [sent] = first.sentOfType<SentMessage>('message.send');
    const mine = visitorMessage(3, sent!.id, 'mine');
    await server(() => {
      first.receive({ type: 'message.created', message: mine }); // the echo may beat the ack
      first.receive({ type: 'ack', id: sent!.id, message: mine });
    });
    expect(bubbles()).toEqual(['agent says 1', 'agent says 2', 'mine']);

    // Offline: a new message waits after every stored one, even those that arrive later.
    await server(() => first.drop(1006));
    typeAndEnter(textbox(), 'later');
    await server(() => window.dispatchEvent(new Event('online')));
    const second = net.last;
    expect(second).not.toBe(first);
    await server(() => second.open());
    expect(second.sent[0]).toEqual({
      type: 'hello',
      v: 1,
      token: TOKEN,
      resume: { conversationId: 'c1', afterSeq: 3 },
    });
    await server(() => {
      second.receive(welcome('c1'));
      // A replay that overlaps what we hold, then a live message.
      second.receive({ type: 'message.created', message: agentMessage(2) });
      second.receive({ type: 'message.created', message: mine });
      second.receive({ type: 'message.created', message: agentMessage(4) });
    });
    expect(bubbles()).toEqual(['agent says 1', 'agent says 2', 'mine', 'agent says 4', 'later']);

    const later = second.sentOfType<SentMessage>('message.send').find((s) => s.body === 'later')!;
    await server(() =>
      second.receive({ type: 'ack', id: later.id, message: visitorMessage(5, later.id, 'later') }),
    );
    expect(bubbles()).toEqual(['agent says 1', 'agent says 2', 'mine', 'agent says 4', 'later']);
  });

  it('keeps the list when the welcome names another conversation: the new one goes below', async () => {
    const { net, bubbles } = mountForTest();
    const first = net.last;
    await server(() => {
      first.open();
      first.receive(welcome('c1', TOKEN));
      first.receive({ type: 'message.created', message: agentMessage(1) });
      first.drop(1006);
      window.dispatchEvent(new Event('online'));
    });
    const second = net.last;
    await server(() => {
      second.open();
      second.receive(welcome('c2'));
      second.receive({
        type: 'message.created',
        message: agentMessage(1, { conversationId: 'c2', body: 'new' }),
      });
    });
    expect(bubbles()).toEqual(['agent says 1', 'new']);
  });

  it('reports new agent messages to the host once, and not again after a reload', async () => {
    const a = mountForTest();
    await server(() => {
      a.net.last.open();
      a.net.last.receive(welcome('c1', TOKEN));
      a.net.last.receive({ type: 'message.created', message: agentMessage(1) });
      a.net.last.receive({ type: 'message.created', message: agentMessage(1) });
      a.net.last.receive({ type: 'message.created', message: visitorMessage(2, 'client-id-1', 'hi') });
    });
    expect(a.onMessage.mock.calls).toEqual([
      [{ author: { kind: 'agent', name: 'Ada' }, body: 'agent says 1' }],
    ]);

    const b = mountForTest();
    await server(() => {
      b.net.last.open();
      b.net.last.receive(welcome('c1'));
      b.net.last.receive({ type: 'message.created', message: agentMessage(1) });
      b.net.last.receive({ type: 'message.created', message: visitorMessage(2, 'client-id-1', 'hi') });
      b.net.last.receive({ type: 'message.created', message: agentMessage(3) });
    });
    expect(b.onMessage.mock.calls).toEqual([
      [{ author: { kind: 'agent', name: 'Ada' }, body: 'agent says 3' }],
    ]);
  });

  it('restores unsent messages after a reload and resends them with the same ids', async () => {
    const a = mountForTest();
    await server(() => {
      a.net.last.open();
      a.net.last.receive(welcome(null, TOKEN));
    });
    typeAndEnter(a.textbox(), 'did this arrive?');
    const [lost] = a.net.last.sentOfType<SentMessage>('message.send');
    expect(lost).toBeDefined();
    // The page goes away before the ack.

    const b = mountForTest();
    expect(b.bubbles()).toEqual(['did this arrive?']);
    expect(b.ui.getByText('Sending…')).toBeTruthy();
    await server(() => {
      b.net.last.open();
      b.net.last.receive(welcome('c1'));
    });
    expect(b.net.last.sent[0]).toEqual({ type: 'hello', v: 1, token: TOKEN });
    expect(b.net.last.sentOfType<SentMessage>('message.send')).toEqual([
      { type: 'message.send', id: lost!.id, body: 'did this arrive?' },
    ]);
    await server(() =>
      b.net.last.receive({
        type: 'ack',
        id: lost!.id,
        message: visitorMessage(1, lost!.id, 'did this arrive?'),
      }),
    );
    expect(b.ui.queryByText('Sending…')).toBeNull();
    const saved = JSON.parse(localStorage.getItem('livechat:site_1')!) as {
      pending: unknown[];
      token: string;
    };
    expect(saved.pending).toEqual([]);
    expect(saved.token).toBe(TOKEN);
  });

  it('marks a refused message as not sent and retries it with the same id', async () => {
    const { net, ui, textbox } = mountForTest();
    await server(() => {
      net.last.open();
      net.last.receive(welcome(null, TOKEN));
    });
    typeAndEnter(textbox(), 'too fast');
    const [sent] = net.last.sentOfType<SentMessage>('message.send');
    await server(() =>
      net.last.receive({ type: 'error', id: sent!.id, code: 'rate_limited', message: 'slow down' }),
    );
    expect(ui.getByText(/Not sent/)).toBeTruthy();
    await server(() => {
      fireEvent.click(ui.getByRole('button', { name: 'Retry' }));
    });
    expect(net.last.sentOfType<SentMessage>('message.send').map((s) => s.id)).toEqual([sent!.id, sent!.id]);
    expect(ui.getByText('Sending…')).toBeTruthy();
  });

  it('drops an unknown token and starts fresh, but only once', async () => {
    localStorage.setItem('livechat:site_1', JSON.stringify({ token: 'stale-token-0123456789', open: true }));
    const { net, ui } = mountForTest();
    await server(() => {
      net.last.open();
      net.last.drop(4001);
    });
    expect(net.sockets).toHaveLength(2);
    expect(net.sockets[0]!.sent[0]).toMatchObject({ token: 'stale-token-0123456789' });
    await server(() => net.last.open());
    expect(net.last.sent[0]).toEqual({ type: 'hello', v: 1 });
    expect(localStorage.getItem('livechat:site_1')).not.toContain('stale-token');
    await server(() => net.last.drop(4001));
    expect(net.sockets).toHaveLength(2);
    expect(ui.getByText('Chat is unavailable on this site')).toBeTruthy();
  });

  it('forgets a conversation an admin deleted, keeps the visitor, and reconnects without resuming it', async () => {
    const { net, ui } = mountForTest();
    await server(() => {
      net.last.open();
      net.last.receive(welcome('conv_1', TOKEN));
      net.last.receive({
        type: 'message.created',
        message: agentMessage(1, { conversationId: 'conv_1', body: 'Your card number is on file' }),
      });
    });
    expect(ui.getByText('Your card number is on file')).toBeTruthy();
    await server(() => net.last.drop(4011));
    expect(ui.queryByText('Your card number is on file')).toBeNull();
    expect(localStorage.getItem('livechat:site_1')).not.toContain('card number');
    expect(net.sockets).toHaveLength(2);
    await server(() => net.last.open());
    expect(net.last.sent[0]).toEqual({ type: 'hello', v: 1, token: TOKEN });
  });

  it.each([4003, 4004])('shows that chat is unavailable after close code %i', async (code) => {
    const { net, ui, textbox } = mountForTest();
    await server(() => {
      net.last.open();
      net.last.drop(code);
    });
    expect(ui.getByText('Chat is unavailable on this site')).toBeTruthy();
    expect((textbox() as HTMLTextAreaElement).disabled).toBe(true);
    expect(net.sockets).toHaveLength(1);
  });

  it('hides and shows the panel, remembering it for the next page load', () => {
    const { handle, ui } = mountForTest();
    const panel = ui.getByRole('dialog', { hidden: true });
    expect(panel.hidden).toBe(false);
    void act(() => handle.hide());
    expect(panel.hidden).toBe(true);
    expect(localStorage.getItem('livechat:site_1')).toContain('"open":false');
    void act(() => handle.show());
    expect(panel.hidden).toBe(false);
    expect(localStorage.getItem('livechat:site_1')).toContain('"open":true');
  });
});

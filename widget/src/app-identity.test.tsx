// LiveChat('identify', …) in the chat module: the identity rides in every hello (only the protocol's fields), a later
// identify reconnects at once with the other person's conversations (none of the previous ones kept on screen), and
// an `identity_not_verified` error frame is a console warning while the chat goes on.
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { within } from '@testing-library/preact';
import { mountChat } from './app.js';
import { server } from './testing/mount.js';
import { TOKEN, agentMessage, fakeNetwork, welcome } from './testing/fake-socket.js';

const WHO = { userId: 'u1', email: 'ann@example.com', expiresAt: 2_000_000_000, signature: 'ab12' };

function mount(identity?: object) {
  const net = fakeNetwork();
  const root = document.createElement('div');
  document.body.append(root);
  let handle!: ReturnType<typeof mountChat>;
  void act(() => {
    handle = mountChat(root, {
      siteKey: 'site_1',
      serverUrl: 'https://chat.example.com',
      createSocket: net.createSocket,
      storage: localStorage,
      onMessage: vi.fn(),
      onClose: vi.fn(),
      ...(identity && { identity }),
    });
    handle.show();
  });
  return { net, handle, ui: within(root) };
}

describe('identified visitors in the chat module', () => {
  it('sends the identity in the hello, only its known fields', async () => {
    const { net, handle } = mount({ ...WHO, password: 'not for the server' });
    await server(() => net.last.open());
    expect(net.last.sent[0]).toEqual({ type: 'hello', v: 1, identity: WHO });
    void act(() => handle.destroy());
  });

  it('warns on the console when the server did not verify it, and the chat goes on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { net, ui, handle } = mount(WHO);
    await server(() => {
      net.last.open();
      net.last.receive({
        type: 'error',
        code: 'identity_not_verified',
        message: 'Identity not verified: the signature has expired; chatting anonymously.',
      });
      net.last.receive(welcome(null, TOKEN));
    });
    expect(warn).toHaveBeenCalledWith(
      'LiveChat:',
      'Identity not verified: the signature has expired; chatting anonymously.',
    );
    expect(ui.queryByText('Chat is unavailable on this site')).toBeNull();
    expect(net.sockets).toHaveLength(1);
    warn.mockRestore();
    void act(() => handle.destroy());
  });

  it('reconnects at once as the newly identified person, without the previous conversations', async () => {
    const { net, ui, handle } = mount();
    await server(() => {
      net.last.open();
      net.last.receive(welcome('c1', TOKEN));
      net.last.receive({ type: 'message.created', message: agentMessage(1, { body: 'anonymous chat' }) });
    });
    expect(ui.getByText('anonymous chat')).toBeTruthy();
    await server(() => handle.identify(WHO));
    expect(ui.queryByText('anonymous chat')).toBeNull();
    expect(net.sockets).toHaveLength(2);
    await server(() => net.last.open());
    expect(net.last.sent[0]).toEqual({ type: 'hello', v: 1, token: TOKEN, identity: WHO });
    // The same object again changes nothing; null (signed out) reconnects anonymously.
    await server(() => handle.identify(WHO));
    expect(net.sockets).toHaveLength(2);
    await server(() => handle.identify(null));
    await server(() => net.last.open());
    expect(net.last.sent[0]).toEqual({ type: 'hello', v: 1, token: TOKEN });
    void act(() => handle.destroy());
  });
});

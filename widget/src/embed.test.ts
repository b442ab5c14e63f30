import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { within } from '@testing-library/preact';
import type { ChatOptions } from './chat-api.js';
import { embed, type LiveChatGlobal } from './embed.js';
import { browserLanguages } from './testing/user.js';

function stubChat() {
  const handle = { show: vi.fn(), hide: vi.fn(), destroy: vi.fn(), identify: vi.fn() };
  const mountChat = vi.fn((_root: ShadowRoot | Element, _options: ChatOptions) => handle);
  const importChat = vi.fn(() => Promise.resolve({ mountChat }));
  return { handle, mountChat, importChat };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** GET …/status answers with this JSON (or fails with an Error). */
function statusAnswers(answer: unknown) {
  const fetch = vi.fn((_url: string, _init?: RequestInit) =>
    answer instanceof Error ? Promise.reject(answer) : Promise.resolve(new Response(JSON.stringify(answer))),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function start(chat = stubChat()) {
  const root = embed({
    siteKey: 'site_1',
    serverUrl: 'https://chat.example.com',
    importChat: chat.importChat,
  });
  const launcher = within(root as unknown as HTMLElement).getByRole('button', { name: 'Open chat' });
  return { root, launcher, ...chat };
}

const liveChat = (...args: unknown[]) => (window.LiveChat as LiveChatGlobal)(...(args as [unknown]));

beforeEach(() => {
  statusAnswers(new Error('offline'));
  delete window.LiveChat;
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('embed', () => {
  it('draws an "Open chat" launcher inside an open shadow root on document.body', () => {
    const { root, launcher } = start();
    expect(root.mode).toBe('open');
    expect(root.host.parentNode).toBe(document.body);
    expect(launcher.getRootNode()).toBe(root);
    expect(root.querySelector('style')?.textContent).toContain(':host{all:initial');
    // Host page CSS cannot reach in: nothing of ours is in the light DOM but the empty host.
    expect(root.host.childNodes).toHaveLength(0);
  });

  it('writes nothing to storage or cookies and loads no chat before the visitor opens it', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const { importChat } = start();
    liveChat('on', 'message', () => {});
    liveChat('close');
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    expect(importChat).not.toHaveBeenCalled();
  });

  it('drains the snippet queue and ignores calls outside the allow-list', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onOpen = vi.fn();
    const stub: LiveChatGlobal = () => {};
    stub.q = [
      ['on', 'open', onOpen],
      ['destroy'],
      ['on', '__proto__', () => {}],
      ['on', 'open', 'not a function'],
      ['open'],
    ];
    window.LiveChat = stub;
    const { importChat, handle } = start();
    expect(window.LiveChat).not.toBe(stub);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(importChat).toHaveBeenCalledTimes(1);
    await flush();
    expect(handle.show).toHaveBeenCalledTimes(1);
    liveChat('eval', 'alert(1)');
    expect(warn).toHaveBeenCalledTimes(4);
  });

  it("keeps an 'identify' from the snippet queue for the chat, and hands a later one to the loaded chat", async () => {
    const who = { userId: 'u1', expiresAt: 1, signature: 'ab' };
    const stub: LiveChatGlobal = () => {};
    stub.q = [['identify', who]];
    window.LiveChat = stub;
    const { mountChat, handle } = start();
    liveChat('open');
    await flush();
    expect(mountChat.mock.calls[0]![1].identity).toBe(who);
    const again = { ...who, userId: 'u2' };
    liveChat('identify', again);
    await flush();
    expect(handle.identify).toHaveBeenCalledWith(again);
  });

  it('opens the chat in the same shadow root, then closes it back to the launcher', async () => {
    const { root, launcher, mountChat, handle } = start();
    const events: string[] = [];
    liveChat('on', 'open', () => events.push('open'));
    liveChat('on', 'close', () => events.push('close'));
    launcher.click();
    await flush();
    expect(mountChat).toHaveBeenCalledTimes(1);
    expect(mountChat.mock.calls[0]![0]).toBe(root);
    expect(mountChat.mock.calls[0]![1]).toMatchObject({
      siteKey: 'site_1',
      serverUrl: 'https://chat.example.com',
    });
    expect(handle.show).toHaveBeenCalledTimes(1);
    expect(launcher.hidden).toBe(true);

    mountChat.mock.calls[0]![1].onClose(); // the panel's "Close chat"
    await flush();
    expect(handle.hide).toHaveBeenCalledTimes(1);
    expect(launcher.hidden).toBe(false);
    liveChat('open');
    await flush();
    expect(mountChat).toHaveBeenCalledTimes(1); // mounted once, shown again
    expect(handle.show).toHaveBeenCalledTimes(2);
    expect(events).toEqual(['open', 'close', 'open']);
  });

  it('passes agent messages to "message" callbacks (the chat badges the launcher: app-badge.test)', async () => {
    const { mountChat } = start();
    const received = vi.fn();
    liveChat('on', 'message', received);
    liveChat('open');
    await flush();
    liveChat('close');
    const message = { author: { kind: 'agent' as const, name: 'Ada' }, body: 'hi' };
    mountChat.mock.calls[0]![1].onMessage(message);
    expect(received).toHaveBeenCalledWith(message);
  });

  it('reopens itself when storage says the chat was open', async () => {
    localStorage.setItem('livechat:site_1', JSON.stringify({ token: 'x'.repeat(20), open: true }));
    const { handle, launcher } = start();
    await flush();
    expect(handle.show).toHaveBeenCalledTimes(1);
    expect(launcher.hidden).toBe(true);
  });

  it('loads the chat hidden to deliver messages a previous page left unsent', async () => {
    localStorage.setItem(
      'livechat:site_1',
      JSON.stringify({ open: false, pending: [{ id: 'abcdefgh', body: 'hi' }] }),
    );
    const { handle, mountChat, launcher } = start();
    await flush();
    expect(mountChat).toHaveBeenCalledTimes(1);
    expect(handle.show).not.toHaveBeenCalled();
    expect(launcher.hidden).toBe(false);
  });

  it('shows the launcher again when the chat cannot be loaded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const chat = stubChat();
    chat.importChat.mockImplementationOnce(() => Promise.reject(new Error('offline')));
    const { launcher, handle } = start(chat);
    launcher.click();
    await flush();
    expect(launcher.hidden).toBe(false);
    expect(warn).toHaveBeenCalled();
    launcher.click(); // retries
    await flush();
    expect(handle.show).toHaveBeenCalledTimes(1);
  });
});

describe('launcher status', () => {
  const description = (launcher: HTMLElement) =>
    (launcher.getRootNode() as ShadowRoot).getElementById(launcher.getAttribute('aria-describedby') ?? '')
      ?.textContent;

  it('asks the public status endpoint without credentials and says when someone is online', async () => {
    const fetch = statusAnswers({ online: true, locale: 'en' });
    const { root, launcher } = start();
    expect(fetch).toHaveBeenCalledWith('https://chat.example.com/api/widget/site_1/status', {
      credentials: 'omit',
    });
    await flush();
    expect(launcher.classList.contains('online')).toBe(true);
    expect(description(launcher)).toBe("We're online");
    // The name stays "Open chat"; the description carries the status.
    const named = within(root as unknown as HTMLElement).getByRole('button', {
      name: 'Open chat',
      description: "We're online",
    });
    expect(named).toBe(launcher);
  });

  it('shows no dot and an empty description while nobody is online', async () => {
    statusAnswers({ online: false, locale: 'en' });
    const { launcher } = start();
    await flush();
    expect(launcher.classList.contains('online')).toBe(false);
    expect(description(launcher)).toBe('');
  });

  it('follows presence live: asks again every 30 s while the page is visible, and when it becomes visible', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let online = true;
      const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ online, locale: 'en' }))));
      vi.stubGlobal('fetch', fetch);
      // Only this launcher's listener (earlier tests' launchers listen on the same document).
      const listen = vi.spyOn(document, 'addEventListener');
      const { launcher } = start();
      const [, onVisibility] = listen.mock.calls.find(([type]) => type === 'visibilitychange')!;
      await flush();
      expect(launcher.classList.contains('online')).toBe(true);

      online = false;
      vi.advanceTimersByTime(30_000);
      await flush();
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(launcher.classList.contains('online')).toBe(false);
      expect(description(launcher)).toBe('');

      // A hidden page does not ask; coming back asks at once.
      vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
      online = true;
      vi.advanceTimersByTime(90_000);
      await flush();
      expect(fetch).toHaveBeenCalledTimes(2);
      vi.spyOn(document, 'hidden', 'get').mockReturnValue(false);
      (onVisibility as () => void)();
      await flush();
      expect(fetch).toHaveBeenCalledTimes(3);
      expect(launcher.classList.contains('online')).toBe(true);
      expect(description(launcher)).toBe("We're online");
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['a network error', new Error('offline')],
    ['an error body', { code: 'unknown_site', message: 'no such site' }],
    ['a wrong type', { online: 'yes' }],
    ['JSON null', null],
  ])('ignores %s silently', async (_, answer) => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    statusAnswers(answer);
    const { launcher } = start();
    await flush();
    expect(launcher.getAttribute('aria-label')).toBe('Open chat');
    expect(description(launcher)).toBe('');
    expect(launcher.classList.contains('online')).toBe(false);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('does not ask while the panel is open (it has live presence of its own), and asks again after', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const fetch = statusAnswers({ online: true, locale: 'en' });
      const { launcher } = start();
      launcher.click();
      await flush();
      expect(launcher.hidden).toBe(true);
      vi.advanceTimersByTime(60_000);
      expect(fetch).toHaveBeenCalledTimes(1);
      // Closing asks at once: presence may have changed while the panel was open.
      liveChat('close');
      expect(fetch).toHaveBeenCalledTimes(2);
      vi.advanceTimersByTime(30_000);
      expect(fetch).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  describe('messages waiting unread', () => {
    const returning = (extra = {}) =>
      localStorage.setItem('livechat:site_1', JSON.stringify({ token: 't'.repeat(32), ...extra }));

    it("asks with the visitor's token in a header (never in the URL), and without one when there is none", () => {
      returning();
      const fetch = statusAnswers({ online: false, locale: 'en' });
      start();
      expect(fetch).toHaveBeenCalledWith('https://chat.example.com/api/widget/site_1/status', {
        credentials: 'omit',
        headers: { authorization: `Bearer ${'t'.repeat(32)}` },
      });
    });

    it('loads the chat in the background when the server counts messages, which then badges the launcher', async () => {
      returning();
      statusAnswers({ online: true, locale: 'en', unread: 1 });
      const { importChat, mountChat, handle, launcher } = start();
      expect(importChat).not.toHaveBeenCalled();
      await flush();
      expect(importChat).toHaveBeenCalledTimes(1);
      await flush();
      expect(mountChat).toHaveBeenCalledTimes(1);
      // In the background: the panel stays closed and the launcher shown.
      expect(handle.show).not.toHaveBeenCalled();
      expect(launcher.hidden).toBe(false);
    });

    it('loads nothing while the server counts none', async () => {
      returning();
      statusAnswers({ online: true, locale: 'en', unread: 0 });
      const { importChat } = start();
      await flush();
      expect(importChat).not.toHaveBeenCalled();
    });

    it('loads the chat in the background for a count kept from an earlier page', () => {
      returning({ unread: 2 });
      const { importChat } = start();
      expect(importChat).toHaveBeenCalledTimes(1);
    });
  });

  it("speaks the browser's language, else the site's default", async () => {
    const launcherIn = (languages: string[]) => {
      document.body.replaceChildren();
      delete window.LiveChat;
      browserLanguages(languages);
      const root = embed({ siteKey: 'site_1', serverUrl: 'https://chat.example.com', importChat: vi.fn() });
      return root.querySelector('button')!;
    };
    statusAnswers({ online: true, locale: 'sl' });
    const turkish = launcherIn(['tr-TR', 'en']);
    expect(turkish.getAttribute('aria-label')).toBe('Sohbeti aç');
    await flush();
    expect(description(turkish)).toBe('Çevrimiçiyiz');

    const german = launcherIn(['de-DE']);
    expect(german.getAttribute('aria-label')).toBe('Open chat');
    await flush();
    expect(german.getAttribute('aria-label')).toBe('Odpri klepet');
    expect(description(german)).toBe('Smo na voljo');
  });
});

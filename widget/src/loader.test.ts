/**
 * @vitest-environment-options {"settings": {"disableJavaScriptFileLoading": true, "handleDisabledFileLoadingAsSuccess": true}}
 */
// The real script-tag entry: it finds its own tag and embeds, before any visitor action.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { within } from '@testing-library/preact';

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.reject(new Error('offline'))),
  );
  vi.resetModules();
  delete window.LiveChat;
  localStorage.clear();
  const script = document.createElement('script');
  script.async = true;
  script.src = 'https://chat.example.com/widget.js';
  script.dataset.siteKey = 'site_1';
  document.head.append(script);
});
afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

it('embeds the launcher from its script tag and writes nothing to storage', async () => {
  const setItem = vi.spyOn(Storage.prototype, 'setItem');
  await import('./loader.js');
  const hosts = document.querySelectorAll('[data-livechat]');
  expect(hosts).toHaveLength(1);
  const root = hosts[0]!.shadowRoot!;
  expect(within(root as unknown as HTMLElement).getByRole('button', { name: 'Open chat' })).toBeTruthy();
  expect(typeof window.LiveChat).toBe('function');
  expect(setItem).not.toHaveBeenCalled();
  expect(localStorage.length).toBe(0);
  expect(document.cookie).toBe('');
  // Only the status request goes out before the visitor acts: no socket, no chat module.
  expect(fetch).toHaveBeenCalledExactlyOnceWith('https://chat.example.com/api/widget/site_1/status', {
    credentials: 'omit',
  });
});

it('embeds once when the snippet is pasted twice', async () => {
  await import('./loader.js');
  vi.resetModules();
  await import('./loader.js');
  expect(document.querySelectorAll('[data-livechat]')).toHaveLength(1);
});

it('warns and does nothing without a site key', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  document.head.replaceChildren();
  await import('./loader.js');
  expect(warn).toHaveBeenCalled();
  expect(document.querySelector('[data-livechat]')).toBeNull();
});

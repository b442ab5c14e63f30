import { expect, it } from 'vitest';
import { readScriptConfig } from './script-config.js';

function docWith(attrs: Record<string, string>): Document {
  const doc = document.implementation.createHTMLDocument('');
  const script = doc.createElement('script');
  script.type = 'text/plain'; // never executed
  for (const [name, value] of Object.entries(attrs)) script.setAttribute(name, value);
  doc.head.append(script);
  return doc;
}

it('derives the site key, server and chat module URL from the script tag', () => {
  expect(
    readScriptConfig(docWith({ src: 'https://chat.example.com/widget.js', 'data-site-key': 'k 1' })),
  ).toEqual({
    siteKey: 'k 1',
    serverUrl: 'https://chat.example.com',
    chatUrl: 'https://chat.example.com/widget-chat.js',
  });
});

it('keeps a path prefix', () => {
  const config = readScriptConfig(
    docWith({ src: 'https://example.com/support/widget.js?v=2', 'data-site-key': 'k' }),
  );
  expect(config?.serverUrl).toBe('https://example.com/support');
  expect(config?.chatUrl).toBe('https://example.com/support/widget-chat.js');
});

it('needs a site key', () => {
  expect(readScriptConfig(docWith({ src: 'https://chat.example.com/widget.js' }))).toBeNull();
});

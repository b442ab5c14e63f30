import { describe, expect, it } from 'vitest';
import { embedSnippet } from './snippet.js';

describe('embedSnippet', () => {
  it('is the queue line and the script tag, with the key as an escaped attribute', () => {
    const snippet = embedSnippet('https://chat.example.com', 'k"<>&');
    expect(snippet.split('\n')).toEqual([
      '<script>window.LiveChat=window.LiveChat||function(){(LiveChat.q=LiveChat.q||[]).push(arguments)};</script>',
      '<script async src="https://chat.example.com/widget.js" data-site-key="k&quot;&lt;&gt;&amp;"></script>',
    ]);
  });
});

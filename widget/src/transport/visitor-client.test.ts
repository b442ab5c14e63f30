import { expect, it } from 'vitest';
import { visitorSocketUrl } from './visitor-client.js';

it('maps http(s) to ws(s) and encodes the site key', () => {
  expect(visitorSocketUrl('https://chat.example.com', 'a&b=c')).toBe(
    'wss://chat.example.com/ws/visitor?siteKey=a%26b%3Dc',
  );
  expect(visitorSocketUrl('http://127.0.0.1:3000/chat', 'k')).toBe(
    'ws://127.0.0.1:3000/chat/ws/visitor?siteKey=k',
  );
});

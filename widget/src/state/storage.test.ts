import { beforeEach, expect, it } from 'vitest';
import { readSaved, writeSaved } from './storage.js';

beforeEach(() => localStorage.clear());

it('round-trips the entry under livechat:<siteKey>', () => {
  writeSaved(localStorage, 'k', { token: 't', open: true, pending: [{ id: 'abcdefgh', body: 'hi' }] });
  expect(JSON.parse(localStorage.getItem('livechat:k')!)).toEqual({
    token: 't',
    open: true,
    pending: [{ id: 'abcdefgh', body: 'hi' }],
  });
  expect(readSaved(localStorage, 'k')).toMatchObject({ token: 't', open: true });
});

it('tolerates missing, broken and tampered entries', () => {
  expect(readSaved(localStorage, 'k')).toEqual({});
  expect(readSaved(null, 'k')).toEqual({});
  localStorage.setItem('livechat:k', '{nope');
  expect(readSaved(localStorage, 'k')).toEqual({});
  localStorage.setItem(
    'livechat:k',
    JSON.stringify({
      token: 5,
      open: 'yes',
      pending: [null, { id: 1 }, { id: 'abcdefgh', body: 'ok' }],
      seen: 'x',
      unread: 'many',
    }),
  );
  expect(readSaved(localStorage, 'k')).toEqual({ open: false, pending: [{ id: 'abcdefgh', body: 'ok' }] });
});

it('survives storage that throws', () => {
  const throwing = {
    getItem() {
      throw new Error('blocked');
    },
    setItem() {
      throw new Error('quota');
    },
  } as unknown as Storage;
  expect(readSaved(throwing, 'k')).toEqual({});
  expect(() => writeSaved(throwing, 'k', { open: true })).not.toThrow();
});

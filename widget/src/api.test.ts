import { expect, it, vi } from 'vitest';
import { createApi } from './api.js';

it('runs allow-listed commands and emits to registered callbacks only', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const open = vi.fn();
  const close = vi.fn();
  const api = createApi(open, close, vi.fn());
  const onMessage = vi.fn();
  api.call('open');
  api.call('close');
  api.call('on', 'message', onMessage);
  api.call('on', 'constructor', () => {});
  api.call('toString');
  api.call({ command: 'open' });
  expect(open).toHaveBeenCalledTimes(1);
  expect(close).toHaveBeenCalledTimes(1);
  expect(warn).toHaveBeenCalledTimes(3);
  api.emit('message', { author: { kind: 'agent', name: 'Ada' }, body: 'hi' });
  expect(onMessage).toHaveBeenCalledWith({ author: { kind: 'agent', name: 'Ada' }, body: 'hi' });
  warn.mockRestore();
});

it('keeps calling the other callbacks when one throws', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const api = createApi(vi.fn(), vi.fn(), vi.fn());
  const second = vi.fn();
  api.call('on', 'open', () => {
    throw new Error('host bug');
  });
  api.call('on', 'open', second);
  api.emit('open');
  expect(second).toHaveBeenCalledTimes(1);
  expect(error).toHaveBeenCalledTimes(1);
  error.mockRestore();
});

it("passes 'identify' on as given (the chat sends it and the server judges it), and warns about unknown calls", () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const identify = vi.fn();
  const api = createApi(vi.fn(), vi.fn(), identify);
  const who = { userId: 'u1', expiresAt: 1, signature: 'ab' };
  api.call('identify', who);
  // null: the user signed out.
  api.call('identify', null);
  api.call('identity', who);
  expect(identify.mock.calls).toEqual([[who], [null]]);
  expect(warn).toHaveBeenCalledTimes(1);
  warn.mockRestore();
});

import type { NotificationSettings } from '@livechat/shared/model';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/index.js';
import { NotificationSettingsStore } from './settings-store.js';

const stored: NotificationSettings = { newChat: true, assignedToMe: true, newMessage: true, sound: false };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('NotificationSettingsStore', () => {
  it('loads, applies a change at once and keeps what the server stored', async () => {
    const api = { get: vi.fn(async () => stored), save: vi.fn(async (s: NotificationSettings) => s) };
    const store = new NotificationSettingsStore(api);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.current()).toBeNull();
    await store.load();
    expect(store.current()).toEqual(stored);

    const pending = store.save({ ...stored, sound: true });
    expect(store.current()?.sound).toBe(true);
    await pending;
    expect(api.save).toHaveBeenCalledWith({ ...stored, sound: true });
    expect(listener).toHaveBeenCalled();
  });

  it('goes back to the stored settings when a save is refused', async () => {
    const api = {
      get: vi.fn(async () => stored),
      save: vi.fn(async () => Promise.reject(new ApiError(500, 'internal', 'Nope'))),
    };
    const store = new NotificationSettingsStore(api);
    await store.load();
    await expect(store.save({ ...stored, newChat: false })).rejects.toThrow('Nope');
    expect(store.current()).toEqual(stored);
  });

  it('applies only the latest of overlapping saves', async () => {
    const first = deferred<NotificationSettings>();
    const second = deferred<NotificationSettings>();
    const api = {
      get: vi.fn(async () => stored),
      save: vi.fn().mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise),
    };
    const store = new NotificationSettingsStore(api);
    await store.load();
    const a = store.save({ ...stored, newChat: false });
    const b = store.save({ ...stored, newChat: false, sound: true });
    second.resolve({ ...stored, newChat: false, sound: true });
    await b;
    first.resolve({ ...stored, newChat: false });
    await a;
    expect(store.current()).toEqual({ ...stored, newChat: false, sound: true });
  });

  it('reports a failed load', async () => {
    const store = new NotificationSettingsStore({
      get: async () => Promise.reject(new ApiError(0, 'network_error', 'Cannot reach the server.')),
      save: async (s) => s,
    });
    await store.load();
    expect(store.getState()).toEqual({ status: 'error', message: 'Cannot reach the server.' });
    expect(store.current()).toBeNull();
  });
});

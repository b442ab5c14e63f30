import type { NotificationSettings } from '@livechat/shared/model';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../../test-utils/render.js';
import { apiError, mockFetch, type Handler } from '../../test-utils/fetch-mock.js';
import { mockNotifications } from '../../test-utils/notification-mock.js';
import { NotificationSettingsStore } from '../../notifications/settings-store.js';
import { SettingsPage } from './settings-page.js';
import { agent } from '../../test-utils/fixtures.js';

const stored: NotificationSettings = { newChat: true, assignedToMe: true, newMessage: false, sound: false };

function setup(routes: Record<string, Handler> = {}) {
  const http = mockFetch({
    'GET /api/me/settings': () => ({ body: { settings: stored } }),
    'PUT /api/me/settings': (call) => ({ body: call.body }),
    ...routes,
  });
  const store = new NotificationSettingsStore();
  void store.load();
  render(<SettingsPage agent={agent({ role: 'agent' })} settings={store} />);
  return { http, store };
}

const box = (name: string) => screen.getByRole<HTMLInputElement>('checkbox', { name });
const LABELS = [
  'New chats in Unassigned',
  'Chats assigned to me',
  'New messages in my chats',
  'Play a sound',
];

describe('SettingsPage', () => {
  it('shows the stored choices and saves each change at once', async () => {
    mockNotifications('default');
    const { http, store } = setup();
    await screen.findByRole('checkbox', { name: 'Play a sound' });
    expect(LABELS.map((name) => box(name).checked)).toEqual([true, true, false, false]);

    fireEvent.click(box('Play a sound'));
    expect(box('Play a sound').checked).toBe(true);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(http.calls.at(-1)).toMatchObject({
      method: 'PUT',
      url: '/api/me/settings',
      body: { settings: { ...stored, sound: true } },
    });
    expect(store.current()).toEqual({ ...stored, sound: true });

    fireEvent.click(box('New chats in Unassigned'));
    await waitFor(() =>
      expect(http.calls.at(-1)?.body).toEqual({ settings: { ...stored, sound: true, newChat: false } }),
    );
    expect(store.current()?.newChat).toBe(false);
  });

  it('puts a refused change back and says why', async () => {
    mockNotifications('default');
    setup({ 'PUT /api/me/settings': () => apiError(500, 'internal', 'Something went wrong on our side.') });
    await screen.findByRole('checkbox', { name: 'Chats assigned to me' });
    fireEvent.click(box('Chats assigned to me'));
    expect((await screen.findByRole('alert')).textContent).toBe('Something went wrong on our side.');
    expect(box('Chats assigned to me').checked).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('words a validation refusal plainly, without the request paths', async () => {
    mockNotifications('default');
    setup({
      'PUT /api/me/settings': () => ({
        status: 400,
        body: {
          error: {
            code: 'invalid_request',
            message: 'The request is invalid.',
            details: [{ path: 'body.settings.sound', message: 'This value is not valid.' }],
          },
        },
      }),
    });
    await screen.findByRole('checkbox', { name: 'Play a sound' });
    fireEvent.click(box('Play a sound'));
    expect((await screen.findByRole('alert')).textContent).toBe('This value is not valid.');
    expect(document.body.textContent).not.toMatch(/request is invalid|body\./);
  });

  it('offers a retry when the settings cannot be loaded', async () => {
    mockNotifications('default');
    let fail = true;
    setup({
      'GET /api/me/settings': () =>
        fail ? apiError(500, 'internal', 'Try later.') : { body: { settings: stored } },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Try later.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('checkbox', { name: 'Play a sound' })).toBeTruthy();
  });

  it('asks for the desktop permission only from the button, once', async () => {
    const { Notification } = mockNotifications('default', 'granted');
    setup();
    await screen.findByRole('checkbox', { name: 'Play a sound' });
    expect(screen.getByText('Desktop notifications are not enabled yet')).toBeTruthy();
    expect(Notification.requestPermission).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Enable desktop notifications' }));
    expect(Notification.requestPermission).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Desktop notifications are on')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enable desktop notifications' })).toBeNull();
  });

  it('says when the agent declines at the prompt', async () => {
    mockNotifications('default', 'denied');
    setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Enable desktop notifications' }));
    expect(await screen.findByText('Desktop notifications are blocked')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enable desktop notifications' })).toBeNull();
  });

  it('explains how to unblock instead of asking again', async () => {
    const { Notification } = mockNotifications('denied');
    setup();
    expect(await screen.findByText('Desktop notifications are blocked')).toBeTruthy();
    expect(screen.getByText(/To unblock them, click the icon at the left of the address bar/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enable desktop notifications' })).toBeNull();
    expect(Notification.requestPermission).not.toHaveBeenCalled();
  });

  it('shows when they are on', async () => {
    mockNotifications('granted');
    setup();
    expect(await screen.findByText('Desktop notifications are on')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enable desktop notifications' })).toBeNull();
  });

  it('says so when the browser cannot show them', async () => {
    setup();
    expect(await screen.findByText('This browser cannot show desktop notifications')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enable desktop notifications' })).toBeNull();
  });

  it('reads the permission again when the agent comes back to the tab', async () => {
    const { Notification } = mockNotifications('denied');
    setup();
    await screen.findByText('Desktop notifications are blocked');
    Notification.permission = 'granted';
    fireEvent(window, new Event('focus'));
    expect(await screen.findByText('Desktop notifications are on')).toBeTruthy();
  });
});

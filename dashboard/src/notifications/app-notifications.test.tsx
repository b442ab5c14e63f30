// Desktop notifications and the unread count in the whole app: the agent socket's frames, the agent's settings
// (fetched once, changed on the Settings page) and the permission asked only from the Settings page's button.
import type { NotificationSettings } from '@livechat/shared/model';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '../test-utils/render.js';
import { setupApp } from '../test-utils/app-setup.js';
import { mockNotifications } from '../test-utils/notification-mock.js';
import { conversation, message } from '../test-utils/fixtures.js';

const allOn: NotificationSettings = { newChat: true, assignedToMe: true, newMessage: true, sound: false };

async function signedIn(settings = allOn) {
  const app = setupApp({
    routes: {
      'GET /api/me/settings': () => ({ body: { settings } }),
      'PUT /api/me/settings': (call) => ({ body: call.body }),
    },
  });
  await app.connect();
  await waitFor(() => expect(app.http.calls.some((c) => c.url === '/api/me/settings')).toBe(true));
  // Let the settings answer land before frames arrive.
  await new Promise((r) => setTimeout(r, 20));
  return app;
}

const newChat = (id: string, visitorName: string, preview: string) => ({
  type: 'conversation.updated' as const,
  conversation: conversation({
    id,
    number: 2,
    visitorName,
    lastMessagePreview: preview,
    updatedAt: Date.now(),
  }),
});

describe('notifications in the app', () => {
  it('shows a new chat from the socket, counts it in the title and opens it on click', async () => {
    location.hash = '#/inbox';
    const { summary, shown } = mockNotifications('granted');
    vi.spyOn(window, 'focus').mockImplementation(() => {});
    const { server } = await signedIn();
    server(newChat('c-2', 'Nia New', 'Anyone there?'));
    expect(summary()).toEqual([{ title: 'New chat', body: 'Nia New: Anyone there?', tag: 'c-2' }]);
    expect(document.title).toBe('(1) LiveChat');

    shown[0]!.click();
    expect(location.hash).toBe('#/inbox/c-2');
    expect(shown[0]!.close).toHaveBeenCalled();
    await waitFor(() => expect(document.title).not.toContain('('));
  });

  it("shows a visitor's message in my chat unless that chat is on screen in the focused tab", async () => {
    location.hash = '#/inbox/c-3';
    const { summary } = mockNotifications('granted');
    const { server } = await signedIn();
    server({
      type: 'conversation.updated',
      conversation: conversation({ id: 'c-3', number: 3, assigneeId: 'ag-1' }),
    });
    expect(summary()).toEqual([]);
    server({ type: 'message.created', message: message(1, { conversationId: 'c-3', body: 'Seen it' }) });
    expect(summary()).toEqual([]);

    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    server({ type: 'message.created', message: message(2, { conversationId: 'c-3', body: 'Hello?' }) });
    expect(summary()).toEqual([{ title: 'New message', body: 'Vera Visitor: Hello?', tag: 'c-3' }]);
    expect(document.title).toBe('(1) LiveChat');
  });

  it('fetches the settings once, and a change on the Settings page applies at once', async () => {
    location.hash = '#/settings';
    const { summary } = mockNotifications('granted');
    const { http, server } = await signedIn();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'New chats in Unassigned' }));
    await waitFor(() => expect(http.calls.some((c) => c.method === 'PUT')).toBe(true));
    server(newChat('c-2', 'Nia New', 'Anyone there?'));
    expect(summary()).toEqual([]);

    location.hash = '#/leads';
    location.hash = '#/settings';
    expect(await screen.findByRole('checkbox', { name: 'New chats in Unassigned' })).toBeTruthy();
    expect(http.calls.filter((c) => c.url === '/api/me/settings' && c.method === 'GET')).toHaveLength(1);
  });

  it('asks for the permission only from the button on the Settings page', async () => {
    location.hash = '#/inbox';
    const { Notification, shown } = mockNotifications('default');
    const { server } = await signedIn();
    server(newChat('c-2', 'Nia New', 'Anyone there?'));
    expect(shown).toEqual([]);
    expect(Notification.requestPermission).not.toHaveBeenCalled();

    location.hash = '#/settings';
    fireEvent.click(await screen.findByRole('button', { name: 'Enable desktop notifications' }));
    expect(Notification.requestPermission).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Desktop notifications are on')).toBeTruthy();

    server(newChat('c-4', 'Ola Other', 'Hi'));
    expect(shown.map((n) => n.title)).toEqual(['New chat']);
  });
});

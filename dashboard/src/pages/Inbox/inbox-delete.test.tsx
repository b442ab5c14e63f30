// "Delete conversation" (admins): asked first, then the conversation leaves the list and its view says so.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError } from '../../test-utils/fetch-mock.js';
import { setupApp } from '../../test-utils/app-setup.js';

const pane = () => screen.getByRole('region', { name: 'Conversation' });
const deletes = (calls: { method: string; url: string }[]) =>
  calls.filter((c) => c.method === 'DELETE').map((c) => c.url);

describe('Delete conversation', () => {
  it('is not offered to agents', async () => {
    location.hash = '#/inbox/c-1';
    const { connect } = setupApp({ role: 'agent' });
    await connect();
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    await within(view).findByRole('button', { name: 'Close chat' });
    expect(within(view).queryByRole('button', { name: 'Delete conversation' })).toBeNull();
  });

  it('asks first, naming what goes; Cancel keeps it, Delete takes it out of the list', async () => {
    location.hash = '#/inbox/c-1';
    const { http, connect, server } = setupApp({
      routes: { 'DELETE /api/conversations/c-1': () => ({ status: 204 }) },
    });
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    await within(list).findByText('Vera Visitor');
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    const button = await within(view).findByRole('button', { name: 'Delete conversation' });

    fireEvent.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Delete conversation #1?' });
    expect(dialog.textContent).toContain(
      'This deletes the conversation with Vera Visitor for good: every message, note and file in it',
    );
    expect(dialog.textContent).toContain("It can't be undone.");
    // Cancel is where focus starts: Enter alone deletes nothing.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(deletes(http.calls)).toEqual([]);
    expect(within(list).getByText('Vera Visitor')).toBeTruthy();

    fireEvent.click(button);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(list).queryByText('Vera Visitor')).toBeNull());
    expect(deletes(http.calls)).toEqual(['/api/conversations/c-1']);
    expect(within(pane()).getByRole('status').textContent).toBe('This conversation was deleted.');
    expect(screen.queryByRole('dialog')).toBeNull();
    // The server tells every socket too; the view keeps its words.
    server({ type: 'conversation.removed', conversationId: 'c-1' });
    expect(within(pane()).getByRole('status').textContent).toBe('This conversation was deleted.');
  });

  it("shows the server's refusal in the dialog and keeps the conversation", async () => {
    location.hash = '#/inbox/c-1';
    const { connect } = setupApp({
      routes: {
        'DELETE /api/conversations/c-1': () => apiError(404, 'not_found', 'Conversation not found'),
      },
    });
    await connect();
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    fireEvent.click(await within(view).findByRole('button', { name: 'Delete conversation' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete conversation #1?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Conversation not found');
    expect(
      within(screen.getByRole('region', { name: 'Conversations' })).getByText('Vera Visitor'),
    ).toBeTruthy();
  });
});

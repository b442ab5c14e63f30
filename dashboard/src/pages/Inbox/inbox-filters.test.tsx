// The list's filters: applied together, in the URL (a shared link applies them, a reload keeps them, opening a
// conversation keeps them), counted above the list, and cleared at once with "Clear filters".
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { conversation, T0 } from '../../test-utils/fixtures.js';

const listUrls = (calls: { method: string; url: string }[]) =>
  calls
    .filter((c) => c.method === 'GET' && /^\/api\/conversations(\?|$)/.test(c.url))
    .map((c) => c.url)
    // Not the open conversation's earlier ones (by its visitor).
    .filter((url) => !url.includes('visitorId='));
const lastList = (calls: { method: string; url: string }[]) => listUrls(calls).at(-1) ?? '';

const valueOf = (list: HTMLElement, role: 'combobox' | 'textbox', name: string) =>
  within(list).getByRole<HTMLInputElement | HTMLSelectElement>(role, { name }).value;

afterEach(() => {
  location.hash = '';
});

describe('Inbox filters', () => {
  it('applies a shared link’s filters, writes each change into the URL, and a reload keeps them', async () => {
    location.hash = '#/folder/closed?channel=sms&team=t-sales&type=agent_started&bogus=1&createdTo=nope';
    const match = conversation({
      status: 'closed',
      closedAt: T0,
      channel: 'sms',
      startedByAgent: true,
      teamId: 't-sales',
      assigneeId: 'ag-1',
    });
    const first = setupApp({ conv: match });
    await first.connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    await waitFor(() =>
      expect(lastList(first.http.calls)).toBe(
        '/api/conversations?folder=closed&channel=sms&teamId=t-sales&type=agent_started',
      ),
    );
    expect(
      within(list)
        .getByRole('tab', { name: /Closed/ })
        .getAttribute('aria-selected'),
    ).toBe('true');
    expect(valueOf(list, 'combobox', 'Channel')).toBe('sms');
    expect(valueOf(list, 'combobox', 'Type')).toBe('agent_started');
    await waitFor(() => expect(valueOf(list, 'combobox', 'Team')).toBe('t-sales'));
    // How many match, as the server listed them for this agent.
    expect((await within(list).findByRole('status')).textContent).toBe('1 conversation');

    fireEvent.change(within(list).getByRole('combobox', { name: 'Channel' }), { target: { value: 'web' } });
    expect(lastList(first.http.calls)).toContain('channel=web');
    expect(location.hash).toBe('#/folder/closed?channel=web&team=t-sales&type=agent_started');
    fireEvent.input(within(list).getByLabelText('Created from'), { target: { value: '2025-01-06' } });
    fireEvent.input(within(list).getByRole('textbox', { name: 'Tag' }), { target: { value: 'VIP' } });
    await waitFor(() => expect(lastList(first.http.calls)).toContain('tag=vip'));
    expect(lastList(first.http.calls)).toContain(`createdFrom=${new Date(2025, 0, 6).getTime()}`);
    await waitFor(() =>
      expect(location.hash).toBe(
        '#/folder/closed?channel=web&team=t-sales&type=agent_started&tag=VIP&createdFrom=2025-01-06',
      ),
    );

    // Reload: the same address, a fresh app.
    first.unmount();
    const second = setupApp({ conv: match });
    await second.connect();
    const again = await screen.findByRole('region', { name: 'Conversations' });
    await waitFor(() => expect(lastList(second.http.calls)).toContain('tag=vip'));
    expect(lastList(second.http.calls)).toContain('folder=closed&channel=web&teamId=t-sales');
    expect(valueOf(again, 'textbox', 'Tag')).toBe('VIP');
    expect(valueOf(again, 'combobox', 'Channel')).toBe('web');
    expect(within(again).getByLabelText<HTMLInputElement>('Created from').value).toBe('2025-01-06');
  });

  it('"Clear filters" resets every filter, the URL and the list; it is there only while a filter is set', async () => {
    location.hash = '#/folder/closed?channel=sms&tag=vip&attribute=Plan&value=Pro&from=2025-01-01';
    const { http, connect } = setupApp();
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    await waitFor(() => expect(lastList(http.calls)).toContain('attribute=Plan&attributeValue=Pro'));
    expect(valueOf(list, 'textbox', 'Attribute')).toBe('Plan');
    expect(valueOf(list, 'textbox', 'Attribute value')).toBe('Pro');
    fireEvent.click(within(list).getByRole('button', { name: 'Clear filters' }));
    expect(lastList(http.calls)).toBe('/api/conversations?folder=closed');
    expect(location.hash).toBe('#/folder/closed');
    expect(valueOf(list, 'combobox', 'Channel')).toBe('');
    expect(valueOf(list, 'textbox', 'Tag')).toBe('');
    expect(valueOf(list, 'textbox', 'Attribute')).toBe('');
    expect(within(list).getByLabelText<HTMLInputElement>('Last message from').value).toBe('');
    expect(within(list).queryByRole('button', { name: 'Clear filters' })).toBeNull();
    expect(within(list).queryByRole('status')).toBeNull();
  });

  it('keeps the filters while a conversation is open and back on the list', async () => {
    location.hash = '#/inbox?type=live';
    const { http, connect } = setupApp({
      routes: {
        'GET /api/conversations': () => ({
          body: { conversations: [conversation(), conversation({ id: 'c-2', number: 2 })] },
        }),
      },
    });
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    expect((await within(list).findByRole('status')).textContent).toBe('2 conversations');
    expect(location.hash).toBe('#/folder/unassigned?type=live');
    location.hash = '#/inbox/c-1';
    await waitFor(() => expect(location.hash).toBe('#/inbox/c-1?type=live'));
    expect(valueOf(list, 'combobox', 'Type')).toBe('live');
    location.hash = '#/inbox';
    await waitFor(() => expect(location.hash).toBe('#/folder/unassigned?type=live'));
    expect(lastList(http.calls)).toContain('type=live');
    expect(valueOf(list, 'combobox', 'Type')).toBe('live');
  });

  it('names the folder beside an open conversation, so a reload shows the same list and chat', async () => {
    location.hash = '#/folder/mine?type=live';
    const mine = conversation({ assigneeId: 'ag-1' });
    const first = setupApp({ conv: mine });
    await first.connect();
    await screen.findByRole('region', { name: 'Conversations' });
    location.hash = '#/inbox/c-1';
    await waitFor(() => expect(location.hash).toBe('#/inbox/c-1?folder=mine&type=live'));

    first.unmount();
    const second = setupApp({ conv: mine });
    await second.connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    await waitFor(() => expect(lastList(second.http.calls)).toBe('/api/conversations?folder=mine&type=live'));
    expect(
      within(list)
        .getByRole('tab', { name: /My chats/ })
        .getAttribute('aria-selected'),
    ).toBe('true');
    expect(await screen.findByRole('region', { name: 'Conversation #1' })).toBeTruthy();
  });
});

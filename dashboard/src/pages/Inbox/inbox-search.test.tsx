// Search and filters above the list: a search looks in every folder; the filters offered are only those that can
// change the list there, with choices the agent can see.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { conversation } from '../../test-utils/fixtures.js';

const listUrls = (calls: { method: string; url: string }[]) =>
  calls.filter((c) => c.method === 'GET' && /^\/api\/conversations(\?|$)/.test(c.url)).map((c) => c.url);

const optionsOf = (select: HTMLElement) =>
  [...(select as HTMLSelectElement).options].map((o) => o.textContent);

describe('Inbox search and filters', () => {
  it('searches every folder by number, name or email after typing pauses, and says so', async () => {
    const found = conversation({ id: 'c-12', number: 12, visitorName: 'Mia Match', assigneeId: 'ag-1' });
    const { http, connect } = setupApp({
      routes: {
        'GET /api/conversations': ({ url }) => ({
          body: { conversations: url.includes('q=') ? [found] : [conversation()] },
        }),
      },
    });
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    await within(list).findByText('Vera Visitor');
    expect(within(list).queryByRole('status')).toBeNull();
    const search = within(list).getByRole('searchbox', { name: 'Search conversations' });
    fireEvent.input(search, { target: { value: 'mia@' } });
    fireEvent.input(search, { target: { value: 'mia@example.com' } });
    // Found in My chats while Unassigned is the folder shown: the results say where they come from.
    await within(list).findByText('Mia Match');
    expect(within(list).queryByText('Vera Visitor')).toBeNull();
    expect(within(list).getByRole('status').textContent).toBe('Search results from all folders');
    expect(
      within(list)
        .getAllByRole('tab')
        .every((t) => t.getAttribute('aria-selected') === 'false'),
    ).toBe(true);
    const searches = listUrls(http.calls).filter((u) => u.includes('q='));
    expect(searches).toEqual(['/api/conversations?q=mia%40example.com']);

    fireEvent.input(search, { target: { value: '#12' } });
    fireEvent.submit(search.closest('form')!);
    expect(listUrls(http.calls).at(-1)).toBe('/api/conversations?q=%2312');

    // Picking a folder ends the search.
    fireEvent.click(within(list).getByRole('tab', { name: 'Unassigned' }));
    await within(list).findByText('Vera Visitor');
    expect((search as HTMLInputElement).value).toBe('');
    expect(listUrls(http.calls).at(-1)).toBe('/api/conversations?folder=unassigned');
    expect(within(list).queryByRole('status')).toBeNull();
  });

  it('offers only filters that can change the folder: none where it fixes status and assignee', async () => {
    const { connect } = setupApp();
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    for (const folder of ['Unassigned', 'My chats', 'Bot']) {
      fireEvent.click(await within(list).findByRole('tab', { name: folder }));
      expect(within(list).queryByRole('combobox', { name: 'Status' })).toBeNull();
      expect(within(list).queryByRole('combobox', { name: 'Assigned to' })).toBeNull();
    }
    // While searching, Status makes sense (results from every folder).
    fireEvent.input(within(list).getByRole('searchbox', { name: 'Search conversations' }), {
      target: { value: 'vera' },
    });
    expect(await within(list).findByRole('combobox', { name: 'Status' })).toBeTruthy();
    expect(within(list).getByRole('combobox', { name: 'Assigned to' })).toBeTruthy();
  });

  it('filters Closed by assignee and dates; an admin may pick anyone', async () => {
    const { http, connect } = setupApp();
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    fireEvent.click(within(list).getByRole('tab', { name: 'Closed' }));
    expect(within(list).queryByRole('combobox', { name: 'Status' })).toBeNull();
    const byAssignee = within(list).getByRole('combobox', { name: 'Assigned to' });
    await waitFor(() => expect(within(byAssignee).getByRole('option', { name: 'Bob Agent' })).toBeTruthy());
    fireEvent.change(byAssignee, { target: { value: 'ag-2' } });
    fireEvent.input(within(list).getByLabelText('Last message from'), { target: { value: '2025-01-06' } });
    fireEvent.input(within(list).getByLabelText('Last message to'), { target: { value: '2025-01-07' } });
    const from = new Date(2025, 0, 6).getTime();
    const to = new Date(2025, 0, 8).getTime() - 1;
    expect(listUrls(http.calls).at(-1)).toBe(
      `/api/conversations?folder=closed&assigneeId=ag-2&from=${from}&to=${to}`,
    );
    fireEvent.change(byAssignee, { target: { value: 'none' } });
    expect(listUrls(http.calls).at(-1)).toContain('assigneeId=none');
    expect(optionsOf(byAssignee)).toEqual(['Anyone', 'Unassigned', 'Ada Admin', 'Bob Agent', 'Cy Closer']);
  });

  it('offers an agent only what they can see: Me and Unassigned, never a colleague', async () => {
    const { http, connect } = setupApp({ role: 'agent' });
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    fireEvent.click(within(list).getByRole('tab', { name: 'Closed' }));
    const byAssignee = within(list).getByRole('combobox', { name: 'Assigned to' });
    // The colleagues have loaded (they are offered in the Assignee choice elsewhere), yet are not offered here.
    await waitFor(() => expect(http.calls.some((c) => c.url === '/api/colleagues')).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(optionsOf(byAssignee)).toEqual(['Anyone', 'Me', 'Unassigned']);
    fireEvent.change(byAssignee, { target: { value: 'ag-1' } });
    expect(listUrls(http.calls).at(-1)).toBe('/api/conversations?folder=closed&assigneeId=ag-1');
  });
});

// Search and filters above the list: they narrow the current folder through the list request's query.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { conversation } from '../../test-utils/fixtures.js';

const listUrls = (calls: { method: string; url: string }[]) =>
  calls.filter((c) => c.method === 'GET' && /^\/api\/conversations(\?|$)/.test(c.url)).map((c) => c.url);

describe('Inbox search and filters', () => {
  it('searches the folder by number, name or email after typing pauses', async () => {
    const found = conversation({ id: 'c-12', number: 12, visitorName: 'Mia Match' });
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
    const search = within(list).getByRole('searchbox', { name: 'Search conversations' });
    fireEvent.input(search, { target: { value: 'mia@' } });
    fireEvent.input(search, { target: { value: 'mia@example.com' } });
    await within(list).findByText('Mia Match');
    expect(within(list).queryByText('Vera Visitor')).toBeNull();
    const searches = listUrls(http.calls).filter((u) => u.includes('q='));
    expect(searches).toEqual(['/api/conversations?folder=unassigned&q=mia%40example.com']);

    fireEvent.input(search, { target: { value: '#12' } });
    fireEvent.submit(search.closest('form')!);
    expect(listUrls(http.calls).at(-1)).toBe('/api/conversations?folder=unassigned&q=%2312');
  });

  it('filters by status, assignee and dates, within the current folder', async () => {
    const { http, connect } = setupApp();
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    fireEvent.click(within(list).getByRole('tab', { name: 'Closed' }));
    const byAssignee = within(list).getByRole('combobox', { name: 'Assigned to' });
    await waitFor(() => expect(within(byAssignee).getByRole('option', { name: 'Bob Agent' })).toBeTruthy());
    fireEvent.change(within(list).getByRole('combobox', { name: 'Status' }), { target: { value: 'closed' } });
    fireEvent.change(byAssignee, { target: { value: 'ag-2' } });
    fireEvent.input(within(list).getByLabelText('From'), { target: { value: '2025-01-06' } });
    fireEvent.input(within(list).getByLabelText('To'), { target: { value: '2025-01-07' } });
    const from = new Date(2025, 0, 6).getTime();
    const to = new Date(2025, 0, 8).getTime() - 1;
    expect(listUrls(http.calls).at(-1)).toBe(
      `/api/conversations?folder=closed&status=closed&assigneeId=ag-2&from=${from}&to=${to}`,
    );
    fireEvent.change(byAssignee, { target: { value: 'none' } });
    expect(listUrls(http.calls).at(-1)).toContain('assigneeId=none');
    expect(
      within(list)
        .getAllByRole('option')
        .filter((o) => o.closest('select') === byAssignee)
        .map((o) => o.textContent),
    ).toEqual(['Anyone', 'Unassigned', 'Ada Admin', 'Bob Agent', 'Cy Closer']);
  });
});

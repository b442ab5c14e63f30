import { DEFAULT_TEAM_ROUTING, type Team } from '@livechat/shared/api';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, mockFetch, type Handler } from '../../test-utils/fetch-mock.js';
import { agent, T0 } from '../../test-utils/fixtures.js';
import { TeamsPage } from './teams-page.js';

const ann = agent({ id: 'ag-ann', name: 'Ann Agent', email: 'ann@example.com', role: 'agent' });
const ben = agent({ id: 'ag-ben', name: 'Ben Agent', email: 'ben@example.com', role: 'agent' });
const gone = agent({ id: 'ag-gone', name: 'Gone Agent', email: 'gone@example.com', active: false });
const team = (name: string, memberIds: string[] = [], id = `t-${name.toLowerCase()}`): Team => ({
  id,
  name,
  memberIds,
  createdAt: T0,
  ...DEFAULT_TEAM_ROUTING,
});
const sales = team('Sales', ['ag-ann', 'ag-gone']);
const support = team('Support');

function setup(routes: Record<string, Handler> = {}) {
  const http = mockFetch({
    'GET /api/teams': () => ({ body: { teams: [sales, support] } }),
    'GET /api/agents': () => ({ body: { agents: [agent(), ann, ben, gone] } }),
    'POST /api/teams': (call) => ({
      status: 201,
      body: { team: team((call.body as { name: string }).name, [], 't-new') },
    }),
    ...routes,
  });
  render(<TeamsPage agent={agent()} />);
  return http;
}

/** The teams' headings, after "Add a team" (a question's heading is not one). */
const teamNames = () =>
  screen
    .queryAllByRole('heading', { level: 2 })
    .filter((h) => !h.closest('dialog'))
    .map((h) => h.textContent)
    .slice(1);
const card = (name: string) => screen.getByRole('region', { name });
const nameError = (form: HTMLElement) => {
  const box = within(form).getByRole('textbox', { name: 'Team name' });
  expect(box.getAttribute('aria-invalid')).toBe('true');
  return document.getElementById(box.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent;
};

describe('TeamsPage', () => {
  it('is closed to agents and asks the server nothing', () => {
    const { fn } = mockFetch({});
    render(<TeamsPage agent={agent({ role: 'agent' })} />);
    expect(screen.getByText('Only admins can manage teams.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New team' })).toBeNull();
    expect(fn).not.toHaveBeenCalled();
  });

  it('lists teams by name with their members, deactivated ones marked', async () => {
    setup();
    await screen.findByRole('region', { name: 'Sales' });
    expect(teamNames()).toEqual(['Sales', 'Support']);
    const members = within(card('Sales')).getByRole('list', { name: 'Members of Sales' });
    expect(
      within(members)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ann Agent', 'Gone Agent (deactivated)']);
    expect(within(card('Support')).getByText('No members yet.')).toBeTruthy();
  });

  it('turns on automatic assignment with a maximum of open chats, and refuses a maximum that is no number', async () => {
    const http = setup({
      'PATCH /api/teams/t-sales': (call) => ({
        body: { team: { ...sales, ...(call.body as object) } },
      }),
    });
    await screen.findByRole('region', { name: 'Sales' });
    const routing = within(card('Sales')).getByRole('form', { name: 'Routing of Sales' });
    const auto = within(routing).getByRole('switch', { name: 'Automatic assignment' });
    expect(auto.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(auto);
    expect(auto.getAttribute('aria-checked')).toBe('true');
    const max = within(routing).getByRole('spinbutton', { name: 'Maximum open chats' });
    expect((max as HTMLInputElement).value).toBe('5');

    fireEvent.input(max, { target: { value: '0' } });
    fireEvent.click(within(routing).getByRole('button', { name: 'Save routing' }));
    await waitFor(() => expect(max.getAttribute('aria-invalid')).toBe('true'));
    expect(within(routing).getByText('Allow at least 1 open chat.')).toBeTruthy();
    expect(http.calls.some((c) => c.method === 'PATCH')).toBe(false);

    fireEvent.input(max, { target: { value: '3' } });
    fireEvent.click(within(routing).getByRole('switch', { name: 'Returning contacts' }));
    fireEvent.click(within(routing).getByRole('button', { name: 'Save routing' }));
    expect(await within(routing).findByRole('status')).toBeTruthy();
    expect(http.calls.at(-1)).toMatchObject({
      method: 'PATCH',
      url: '/api/teams/t-sales',
      body: { autoAssign: true, maxOpenChats: 3, returningContacts: true },
    });
  });

  it('adds a team by name, trimmed, and clears the field', async () => {
    const http = setup();
    await screen.findByRole('region', { name: 'Sales' });
    const form = screen.getByRole('form', { name: 'Add a team' });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Team name' }), {
      target: { value: '  Billing ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'New team' }));
    await waitFor(() => expect(teamNames()).toEqual(['Billing', 'Sales', 'Support']));
    expect(http.calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/teams', body: { name: 'Billing' } });
    expect(screen.getByRole('status').textContent).toBe('Added Billing.');
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Team name' }).value).toBe('');
  });

  it('checks the name before asking, and shows a taken name (409) on the field', async () => {
    const http = setup({
      'POST /api/teams': () => ({
        status: 409,
        body: {
          error: {
            code: 'conflict',
            message: 'A team named Sales already exists.',
            details: [{ path: 'body.name', message: 'A team named Sales already exists.' }],
          },
        },
      }),
    });
    await screen.findByRole('region', { name: 'Sales' });
    const form = screen.getByRole('form', { name: 'Add a team' });
    fireEvent.click(screen.getByRole('button', { name: 'New team' }));
    await waitFor(() => expect(nameError(form)).toBe('Enter a name.'));
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.input(within(form).getByRole('textbox', { name: 'Team name' }), { target: { value: 'sales' } });
    fireEvent.click(screen.getByRole('button', { name: 'New team' }));
    await waitFor(() => expect(nameError(form)).toBe('A team named Sales already exists.'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renames a team', async () => {
    const http = setup({
      'PATCH /api/teams/t-support': (call) => ({ body: { team: { ...support, ...(call.body as object) } } }),
    });
    await screen.findByRole('region', { name: 'Support' });
    fireEvent.click(screen.getByRole('button', { name: 'Rename Support' }));
    const form = screen.getByRole('form', { name: 'Rename Support' });
    const box = within(form).getByRole<HTMLInputElement>('textbox', { name: 'Team name' });
    expect(box.value).toBe('Support');
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: 'Help desk' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(teamNames()).toEqual(['Help desk', 'Sales']));
    expect(http.calls.at(-1)).toMatchObject({
      method: 'PATCH',
      url: '/api/teams/t-support',
      body: { name: 'Help desk' },
    });
    expect(screen.getByRole('status').textContent).toBe('Renamed Support to Help desk.');
  });

  it('chooses members among the active agents', async () => {
    const http = setup({
      'PATCH /api/teams/t-sales': (call) => ({ body: { team: { ...sales, ...(call.body as object) } } }),
    });
    await screen.findByRole('region', { name: 'Sales' });
    fireEvent.click(screen.getByRole('button', { name: 'Choose members of Sales' }));
    const form = screen.getByRole('form', { name: 'Members of Sales' });
    const boxes = within(form).getAllByRole<HTMLInputElement>('checkbox');
    // Deactivated agents cannot be chosen.
    expect(boxes.map((b) => [b.closest('label')!.textContent, b.checked])).toEqual([
      ['Ada Admin', false],
      ['Ann Agent', true],
      ['Ben Agent', false],
    ]);
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Ben Agent' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Ann Agent' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save members' }));
    await waitFor(() =>
      expect(
        within(card('Sales'))
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(['Ben Agent']),
    );
    expect(http.calls.at(-1)).toMatchObject({
      method: 'PATCH',
      url: '/api/teams/t-sales',
      body: { memberIds: ['ag-ben'] },
    });
    expect(screen.queryByRole('form', { name: 'Members of Sales' })).toBeNull();
  });

  it('shows a refused member list in the form', async () => {
    setup({
      'PATCH /api/teams/t-sales': () =>
        apiError(400, 'invalid_request', 'Ben Agent is deactivated; only active agents can be in a team.'),
    });
    await screen.findByRole('region', { name: 'Sales' });
    fireEvent.click(screen.getByRole('button', { name: 'Choose members of Sales' }));
    const form = screen.getByRole('form', { name: 'Members of Sales' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save members' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Ben Agent is deactivated; only active agents can be in a team.',
    );
  });

  it('asks before deleting; Cancel keeps the team, Delete team deletes it', async () => {
    const http = setup({ 'DELETE /api/teams/t-sales': () => ({ status: 204 }) });
    await screen.findByRole('region', { name: 'Sales' });
    const button = screen.getByRole('button', { name: 'Delete Sales' });
    fireEvent.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Delete Sales?' });
    expect(dialog.textContent).toContain('Its agents stay');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(http.calls.filter((c) => c.method === 'DELETE')).toEqual([]);

    fireEvent.click(button);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete team' }));
    await waitFor(() => expect(teamNames()).toEqual(['Support']));
    expect(http.calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual(['/api/teams/t-sales']);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Deleted Sales.');
  });

  it("shows a refused deletion in the question, in the server's words", async () => {
    setup({ 'DELETE /api/teams/t-sales': () => apiError(404, 'not_found', 'Team not found') });
    await screen.findByRole('region', { name: 'Sales' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete Sales' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Sales?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete team' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Team not found');
    expect(teamNames()).toEqual(['Sales', 'Support']);
  });

  it('says when there are none yet', async () => {
    setup({ 'GET /api/teams': () => ({ body: { teams: [] } }) });
    expect(await screen.findByText(/No teams yet/)).toBeTruthy();
  });
});

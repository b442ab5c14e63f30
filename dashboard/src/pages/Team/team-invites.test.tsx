// Inviting agents by link from the Team page: creating without a password, copying the link, re-issuing it.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, mockFetch } from '../../test-utils/fetch-mock.js';
import { mockClipboard } from '../../test-utils/clipboard-mock.js';
import { agent, T0 } from '../../test-utils/fixtures.js';
import { TeamPage } from './team-page.js';

const admin = agent();
const expiresAt = T0 + 7 * 24 * 3600_000;
const url = 'http://localhost:8787/#/invite/tok_first_0123456789abcdef';
const cleo = agent({ id: 'ag-3', name: 'Cleo New', email: 'cleo@example.com', role: 'agent', invited: true });

function renderTeam() {
  render(<TeamPage agent={admin} onSelfChanged={() => {}} />);
  return screen.findByText('ada@example.com');
}

describe('Team page invites', () => {
  it('invites an agent added without a password and copies the link', async () => {
    const { writeText } = mockClipboard();
    const { calls } = mockFetch({
      'GET /api/agents': () => ({ body: { agents: [admin] } }),
      'POST /api/agents': () => ({ status: 201, body: { agent: cleo, invite: { url, expiresAt } } }),
    });
    await renderTeam();
    expect(screen.getByText('Leave empty to invite them by link instead.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: ' Cleo New ' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'cleo@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add agent' }));

    const box = await screen.findByRole('status');
    expect(calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/agents' });
    expect(calls.at(-1)?.body).toEqual({ name: 'Cleo New', email: 'cleo@example.com', role: 'agent' });
    expect(box.textContent).toContain(
      `Invite link for Cleo New (valid until ${new Date(expiresAt).toLocaleString()})`,
    );
    expect(box.textContent).not.toContain('initial password');
    const link = within(box).getByRole<HTMLInputElement>('textbox', { name: 'Invite link' });
    expect(link.value).toBe(url);
    expect(link.readOnly).toBe(true);

    fireEvent.click(within(box).getByRole('button', { name: 'Copy link' }));
    expect(await within(box).findByRole('button', { name: 'Copied' })).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(url);

    const row = screen.getByText('cleo@example.com').closest('tr')!;
    expect(within(row).getByText('Invited')).toBeTruthy();
  });

  it('still creates with a password, and then shows no link', async () => {
    const { calls } = mockFetch({
      'GET /api/agents': () => ({ body: { agents: [admin] } }),
      'POST /api/agents': () => ({ status: 201, body: { agent: { ...cleo, invited: false } } }),
    });
    await renderTeam();
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Cleo New' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'cleo@example.com' } });
    fireEvent.input(screen.getByLabelText('Initial password'), { target: { value: 'correct-horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add agent' }));

    expect((await screen.findByRole('status')).textContent).toContain('Share the initial password');
    expect(calls.at(-1)?.body).toMatchObject({ password: 'correct-horse' });
    expect(screen.queryByRole('textbox', { name: 'Invite link' })).toBeNull();
    const row = screen.getByText('cleo@example.com').closest('tr')!;
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'New invite link' })).toBeNull();
  });

  it('shows invited agents and issues them a new link', async () => {
    const fresh = 'http://localhost:8787/#/invite/tok_second_0123456789abcdef';
    const { calls } = mockFetch({
      'GET /api/agents': () => ({ body: { agents: [admin, cleo] } }),
      'POST /api/agents/ag-3/invite': () => ({ body: { invite: { url: fresh, expiresAt } } }),
    });
    await renderTeam();
    const adaRow = screen.getByText('ada@example.com').closest('tr')!;
    expect(within(adaRow).getByText('Active')).toBeTruthy();
    expect(within(adaRow).queryByRole('button', { name: 'New invite link' })).toBeNull();

    const row = screen.getByText('cleo@example.com').closest('tr')!;
    expect(within(row).getByText('Invited')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'New invite link' }));

    const box = await screen.findByRole('status');
    expect(calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/agents/ag-3/invite', body: undefined });
    expect(box.textContent).toContain('Invite link for Cleo New (valid until ');
    expect(within(box).getByRole<HTMLInputElement>('textbox', { name: 'Invite link' }).value).toBe(fresh);
  });

  it('drops the button when the agent signed up meanwhile (409)', async () => {
    mockFetch({
      'GET /api/agents': () => ({ body: { agents: [admin, cleo] } }),
      'POST /api/agents/ag-3/invite': () => apiError(409, 'conflict', 'This agent has already signed up.'),
    });
    await renderTeam();
    const row = screen.getByText('cleo@example.com').closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'New invite link' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Cleo New: This agent has already signed up.',
    );
    await waitFor(() => expect(within(row).queryByRole('button', { name: 'New invite link' })).toBeNull());
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says how to copy when the page has no clipboard', async () => {
    mockClipboard({ available: false });
    mockFetch({
      'GET /api/agents': () => ({ body: { agents: [admin, cleo] } }),
      'POST /api/agents/ag-3/invite': () => ({ body: { invite: { url, expiresAt } } }),
    });
    await renderTeam();
    fireEvent.click(screen.getByRole('button', { name: 'New invite link' }));
    const box = await screen.findByRole('status');
    fireEvent.click(within(box).getByRole('button', { name: 'Copy link' }));
    expect(
      await within(box).findByText('Copying is blocked here: select the text and copy it.'),
    ).toBeTruthy();
  });
});

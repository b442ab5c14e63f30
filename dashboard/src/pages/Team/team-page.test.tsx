import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, mockFetch } from '../../test-utils/fetch-mock.js';
import { agent } from '../../test-utils/fixtures.js';
import { fieldError } from '../../test-utils/field-error.js';
import { TeamPage } from './team-page.js';

const admin = agent();
const bob = agent({ id: 'ag-2', name: 'Bob Agent', email: 'bob@example.com', role: 'agent' });

function fillForm(email: string) {
  fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Cleo New' } });
  fireEvent.input(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'admin' } });
  fireEvent.input(screen.getByLabelText('Initial password'), { target: { value: 'correct-horse' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add agent' }));
}

describe('TeamPage', () => {
  it('is closed to non-admins and asks the server nothing', () => {
    const { fn } = mockFetch({});
    render(<TeamPage agent={bob} onSelfChanged={() => {}} />);
    expect(screen.getByText('Only admins can manage the team.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add agent' })).toBeNull();
    expect(fn).not.toHaveBeenCalled();
  });

  it('lists agents and shows email_taken from the server next to Email', async () => {
    const { calls } = mockFetch({
      'GET /api/agents': () => ({ body: { agents: [admin, bob] } }),
      'POST /api/agents': () => apiError(409, 'email_taken', 'Another agent already uses this email.'),
    });
    render(<TeamPage agent={admin} onSelfChanged={() => {}} />);
    expect(await screen.findByText('bob@example.com')).toBeTruthy();

    fillForm('bob@example.com');
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(fieldError(email)).toBe('Another agent already uses this email.'));
    expect(calls.at(-1)?.body).toEqual({
      name: 'Cleo New',
      email: 'bob@example.com',
      role: 'admin',
      password: 'correct-horse',
    });
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });

  it('says what is wrong next to each field, in words, before asking the server', async () => {
    const { calls } = mockFetch({ 'GET /api/agents': () => ({ body: { agents: [admin] } }) });
    render(<TeamPage agent={admin} onSelfChanged={() => {}} />);
    await screen.findByText('ada@example.com');
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'cleo@' } });
    fireEvent.input(screen.getByLabelText('Initial password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add agent' }));
    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(fieldError(name)).toBe('Enter a name.'));
    expect(fieldError(screen.getByLabelText('Email'))).toBe('Enter a valid email address.');
    expect(fieldError(screen.getByLabelText('Initial password'))).toBe('Use at least 8 characters.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it("puts the server's field details next to their fields and the rest in plain words", async () => {
    mockFetch({
      'GET /api/agents': () => ({ body: { agents: [admin] } }),
      'POST /api/agents': () => ({
        status: 400,
        body: {
          error: {
            code: 'invalid_request',
            message: 'The request is invalid.',
            details: [
              { path: 'body.email', message: 'Enter a valid email address.' },
              { path: 'body', message: 'There is nothing to change.' },
            ],
          },
        },
      }),
    });
    render(<TeamPage agent={admin} onSelfChanged={() => {}} />);
    await screen.findByText('ada@example.com');
    fillForm('cleo@example.com');
    await waitFor(() =>
      expect(fieldError(screen.getByLabelText('Email'))).toBe('Enter a valid email address.'),
    );
    expect(screen.getByRole('alert').textContent).toBe('There is nothing to change.');
    expect(document.body.textContent).not.toMatch(/request is invalid|body\./);
  });

  it('adds the created agent to the table', async () => {
    const cleo = agent({ id: 'ag-3', name: 'Cleo New', email: 'cleo@example.com' });
    mockFetch({
      'GET /api/agents': () => ({ body: { agents: [admin] } }),
      'POST /api/agents': () => ({ status: 201, body: { agent: cleo } }),
    });
    render(<TeamPage agent={admin} onSelfChanged={() => {}} />);
    await screen.findByText('ada@example.com');
    fillForm('cleo@example.com');
    expect(await screen.findByText('cleo@example.com')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('');
  });

  it('deactivates an agent and shows a refused role change', async () => {
    const { calls } = mockFetch({
      'GET /api/agents': () => ({ body: { agents: [admin, bob] } }),
      'PATCH /api/agents/ag-2': () => ({ body: { agent: { ...bob, active: false } } }),
      'PATCH /api/agents/ag-1': () => apiError(409, 'last_admin', 'The last active admin cannot be demoted.'),
    });
    const onSelfChanged = vi.fn();
    render(<TeamPage agent={admin} onSelfChanged={onSelfChanged} />);
    const bobRow = (await screen.findByText('bob@example.com')).closest('tr')!;
    fireEvent.click(within(bobRow).getByRole('button', { name: 'Deactivate' }));
    expect(await within(bobRow).findByRole('button', { name: 'Reactivate' })).toBeTruthy();
    expect(calls.at(-1)).toMatchObject({ method: 'PATCH', body: { active: false } });

    const adaRow = screen.getByText('ada@example.com').closest('tr')!;
    const select = within(adaRow).getByRole<HTMLSelectElement>('combobox');
    fireEvent.change(select, { target: { value: 'agent' } });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The last active admin cannot be demoted.',
    );
    expect(select.value).toBe('admin');
    expect(onSelfChanged).not.toHaveBeenCalled();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '../../test-utils/render.js';
import { apiError, mockFetch } from '../../test-utils/fetch-mock.js';
import { agent, T0 } from '../../test-utils/fixtures.js';
import { fieldError } from '../../test-utils/field-error.js';
import { InvitePage } from './invite-page.js';

const token = 'tok_0123456789abcdefghij';
const info = { name: 'Cleo New', email: 'cleo@example.com', expiresAt: T0 };
const gone = () => apiError(404, 'not_found', 'This invite link is not valid.');
const invalidText = 'This invite link is not valid any more. Ask your admin for a new one.';

function choosePassword(password: string) {
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
}

describe('InvitePage', () => {
  it('greets the invited agent, sets the password and hands the agent over', async () => {
    const cleo = agent({ id: 'ag-3', name: 'Cleo New', email: 'cleo@example.com', role: 'agent' });
    const { calls } = mockFetch({
      [`GET /api/invites/${token}`]: () => ({ body: info }),
      [`POST /api/invites/${token}`]: () => ({ body: { agent: cleo } }),
    });
    const onSignedIn = vi.fn();
    render(<InvitePage token={token} onSignedIn={onSignedIn} />);

    expect(await screen.findByRole('heading', { name: 'Welcome, Cleo New' })).toBeTruthy();
    expect(screen.getByText('cleo@example.com')).toBeTruthy();
    const password = screen.getByLabelText<HTMLInputElement>('Password');
    expect(password.type).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('new-password');

    choosePassword('correct-horse');
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(cleo));
    expect(calls.at(-1)).toMatchObject({
      method: 'POST',
      url: `/api/invites/${token}`,
      body: { password: 'correct-horse' },
      credentials: 'same-origin',
    });
  });

  it('says the link is not valid on 404, with a way to sign in', async () => {
    const { calls } = mockFetch({ [`GET /api/invites/${token}`]: gone });
    render(<InvitePage token={token} onSignedIn={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe(invalidText);
    expect(screen.getByRole('link', { name: 'Go to sign in' }).getAttribute('href')).toBe('#/inbox');
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('says a too short password next to the field, then the server refusal there too', async () => {
    const { calls } = mockFetch({
      [`GET /api/invites/${token}`]: () => ({ body: info }),
      [`POST /api/invites/${token}`]: () => ({
        status: 400,
        body: {
          error: {
            code: 'invalid_request',
            message: 'The request is invalid.',
            details: [{ path: 'body.password', message: 'Use at most 200 characters.' }],
          },
        },
      }),
    });
    const onSignedIn = vi.fn();
    render(<InvitePage token={token} onSignedIn={onSignedIn} />);
    await screen.findByRole('heading', { name: 'Welcome, Cleo New' });
    choosePassword('short');
    const password = screen.getByLabelText('Password');
    await vi.waitFor(() => expect(fieldError(password)).toBe('Use at least 8 characters.'));
    expect(calls).toHaveLength(1); // refused before asking the server

    choosePassword('long-enough-for-us');
    await vi.waitFor(() => expect(fieldError(password)).toBe('Use at most 200 characters.'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.body.textContent).not.toMatch(/request is invalid|body\./);
    expect(screen.getByRole('button', { name: 'Set password and sign in' })).toHaveProperty(
      'disabled',
      false,
    );
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('turns invalid when the link stops working before the password is sent', async () => {
    mockFetch({
      [`GET /api/invites/${token}`]: () => ({ body: info }),
      [`POST /api/invites/${token}`]: gone,
    });
    render(<InvitePage token={token} onSignedIn={() => {}} />);
    await screen.findByRole('heading', { name: 'Welcome, Cleo New' });
    choosePassword('correct-horse');
    expect((await screen.findByRole('alert')).textContent).toBe(invalidText);
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('treats a link cut short (token refused as malformed) as not valid', async () => {
    mockFetch({
      'GET /api/invites/tok_cut': () => apiError(400, 'invalid_request', 'Invalid params'),
    });
    render(<InvitePage token="tok_cut" onSignedIn={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe(invalidText);
  });

  it('shows other failures as they are', async () => {
    mockFetch({ [`GET /api/invites/${token}`]: () => ({ status: 502 }) });
    render(<InvitePage token={token} onSignedIn={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Request failed (HTTP 502)');
  });
});

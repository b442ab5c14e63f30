import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '../../test-utils/render.js';
import { apiError, mockFetch } from '../../test-utils/fetch-mock.js';
import { agent } from '../../test-utils/fixtures.js';
import { SignInPage } from './sign-in-page.js';

function fillAndSubmit() {
  fireEvent.input(screen.getByLabelText('Email'), { target: { value: ' ada@example.com ' } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'hunter2hunter2' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  it('posts the credentials and shows the server message on 401', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/login': () => apiError(401, 'invalid_credentials', 'Email or password is wrong.'),
    });
    const onSignedIn = vi.fn();
    render(<SignInPage onSignedIn={onSignedIn} />);
    expect(screen.getByRole('textbox', { name: 'Email' })).toBeTruthy();
    fillAndSubmit();

    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is wrong.');
    expect(calls).toEqual([
      {
        method: 'POST',
        url: '/api/auth/login',
        body: { email: 'ada@example.com', password: 'hunter2hunter2' },
        credentials: 'same-origin',
      },
    ]);
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('hands the agent over on success', async () => {
    const me = agent();
    mockFetch({ 'POST /api/auth/login': () => ({ body: { agent: me } }) });
    const onSignedIn = vi.fn();
    render(<SignInPage onSignedIn={onSignedIn} />);
    fillAndSubmit();
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(me));
  });
});

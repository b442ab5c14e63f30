import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '../../test-utils/render.js';
import { apiError, mockFetch } from '../../test-utils/fetch-mock.js';
import { agent } from '../../test-utils/fixtures.js';
import { fieldError } from '../../test-utils/field-error.js';
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

  it('says what is missing next to each field, in words, without asking the server', async () => {
    const { calls } = mockFetch({});
    render(<SignInPage onSignedIn={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText('Email');
    await vi.waitFor(() => expect(fieldError(email)).toBe('Enter an email address.'));
    expect(fieldError(screen.getByLabelText('Password'))).toBe('Enter your password.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls).toEqual([]);

    fireEvent.input(email, { target: { value: 'ada@' } });
    expect(email.getAttribute('aria-invalid')).toBeNull(); // cleared while typing
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(fieldError(email)).toBe('Enter a valid email address.'));
    expect(document.body.textContent).not.toMatch(/expected|Too small|body\./);
  });

  it('lower-cases the email it sends', async () => {
    const { calls } = mockFetch({ 'POST /api/auth/login': () => ({ body: { agent: agent() } }) });
    render(<SignInPage onSignedIn={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: ' Ada@Example.COM ' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'hunter2hunter2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({ email: 'ada@example.com', password: 'hunter2hunter2' });
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

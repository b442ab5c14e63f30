import type { Agent } from '@livechat/shared/model';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import type { Call, Handler } from '../../test-utils/fetch-mock.js';
import { fieldError } from '../../test-utils/field-error.js';
import { PASSWORD_CHANGED } from './password-form.js';

const refusal = (path: string, message: string) => ({
  status: 400,
  body: {
    error: { code: 'invalid_request', message: 'The request is invalid.', details: [{ path, message }] },
  },
});

/** The app, signed in, on the Profile page opened from the nav link. */
async function openProfile(routes: Record<string, Handler> = {}) {
  const app = setupApp({ routes });
  fireEvent.click(await screen.findByRole('link', { name: 'Profile' }));
  await screen.findByRole('heading', { name: 'Profile', level: 1 });
  return app;
}

const nav = () => screen.getByRole('complementary');
const sent = (calls: Call[], method: string, url: string) =>
  calls.filter((c) => c.method === method && c.url === url);

describe('ProfilePage', () => {
  it('renames the signed-in agent, and the app shows the new name at once', async () => {
    const { me, http } = await openProfile({
      'PATCH /api/me/profile': (call) => ({ body: { agent: { ...me, ...(call.body as object) } } }),
    });
    const name = screen.getByRole<HTMLInputElement>('textbox', { name: 'Name' });
    expect(name.value).toBe('Ada Admin');
    fireEvent.input(name, { target: { value: '  Dana  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(within(nav()).getByText('Dana')).toBeTruthy());
    expect(sent(http.calls, 'PATCH', '/api/me/profile').map((c) => c.body)).toEqual([{ name: 'Dana' }]);
    expect(name.value).toBe('Dana');
    expect(screen.getByText('Saved.')).toBeTruthy();
  });

  it('asks for a name next to the field instead of sending an empty one', async () => {
    const { http } = await openProfile();
    const name = screen.getByRole('textbox', { name: 'Name' });
    fireEvent.input(name, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(fieldError(name)).toBe('Enter a name.'));
    expect(sent(http.calls, 'PATCH', '/api/me/profile')).toEqual([]);
  });

  it('changes the password and says the other devices were signed out', async () => {
    const { http } = await openProfile({ 'PUT /api/me/password': () => ({ status: 204 }) });
    const current = screen.getByLabelText<HTMLInputElement>('Current password');
    const fresh = screen.getByLabelText<HTMLInputElement>('New password');
    expect(current.getAttribute('autocomplete')).toBe('current-password');
    expect(fresh.getAttribute('autocomplete')).toBe('new-password');
    fireEvent.input(current, { target: { value: 'admin-password' } });
    fireEvent.input(fresh, { target: { value: 'a-new-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));

    expect((await screen.findByText(PASSWORD_CHANGED)).getAttribute('role')).toBe('status');
    expect(sent(http.calls, 'PUT', '/api/me/password').map((c) => c.body)).toEqual([
      { currentPassword: 'admin-password', newPassword: 'a-new-password' },
    ]);
    expect([current.value, fresh.value]).toEqual(['', '']);
    // Still signed in: the page is there, and the sign-in form is not.
    expect(screen.getByRole('heading', { name: 'Profile', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
  });

  it('shows a wrong current password next to that field, in words', async () => {
    await openProfile({
      'PUT /api/me/password': () => refusal('body.currentPassword', 'Your current password is not correct.'),
    });
    const current = screen.getByLabelText('Current password');
    fireEvent.input(current, { target: { value: 'not-it' } });
    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'a-new-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(fieldError(current)).toBe('Your current password is not correct.'));
    expect(fieldError(screen.getByLabelText('New password'))).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(PASSWORD_CHANGED)).toBeNull();
    expect(document.body.textContent).not.toMatch(/request is invalid|body\./);
  });

  it('checks both passwords before asking the server', async () => {
    const { http } = await openProfile();
    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(fieldError(current)).toBe('Enter your current password.'));
    expect(fieldError(screen.getByLabelText('New password'))).toBe('Use at least 8 characters.');
    expect(sent(http.calls, 'PUT', '/api/me/password')).toEqual([]);
  });

  it('uploads a picture, shows it in the nav, and removes it', async () => {
    const withPicture = (a: Agent): Agent => ({ ...a, avatarUrl: '/api/agents/ag-1/avatar?v=2' });
    const { me, http } = await openProfile({
      'PUT /api/me/avatar': () => ({ body: { agent: withPicture(me) } }),
      'DELETE /api/me/avatar': () => ({ body: { agent: { ...me, avatarUrl: null } } }),
    });
    const input = screen.getByLabelText<HTMLInputElement>('Avatar');
    expect(input.type).toBe('file');
    const picture = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'me.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [picture], configurable: true });
    fireEvent.change(input);

    await waitFor(() =>
      expect(nav().querySelector('img.avatar')?.getAttribute('src')).toBe(withPicture(me).avatarUrl),
    );
    const upload = http.fn.mock.calls.find(
      ([url, init]) => url === '/api/me/avatar' && init?.method === 'PUT',
    );
    expect(upload?.[1]?.body).toBe(picture);
    expect(upload?.[1]?.headers).toMatchObject({ 'content-type': 'image/png' });

    fireEvent.click(screen.getByRole('button', { name: 'Remove avatar' }));
    await waitFor(() => expect(nav().querySelector('img.avatar')).toBeNull());
    expect(sent(http.calls, 'DELETE', '/api/me/avatar')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Remove avatar' })).toBeNull();
  });

  it('refuses a picture of the wrong type or size next to the field, without sending it', async () => {
    const { http } = await openProfile();
    const input = screen.getByLabelText<HTMLInputElement>('Avatar');
    const svg = new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' });
    Object.defineProperty(input, 'files', { value: [svg], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(fieldError(input)).toBe('Choose a PNG, JPEG or WebP image.'));

    const big = new File([new Uint8Array(512 * 1024 + 1)], 'big.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [big], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(fieldError(input)).toBe('Choose an image of at most 512 KB.'));
    expect(http.calls.filter((c) => c.url === '/api/me/avatar')).toEqual([]);
  });
});

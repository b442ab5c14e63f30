import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '../../test-utils/render.js';
import { mockFetch } from '../../test-utils/fetch-mock.js';
import { agent, site } from '../../test-utils/fixtures.js';
import { EmbedPage } from './embed-page.js';

const SECRET = 'a'.repeat(64);

function setup(createdAt: number | null) {
  const http = mockFetch({
    'GET /api/sites': () => ({ body: { sites: [site()] } }),
    'GET /api/sites/site-1/identity-secret': () => ({ body: { createdAt } }),
    'POST /api/sites/site-1/identity-secret': () => ({
      status: 201,
      body: { secret: SECRET, createdAt: Date.now() },
    }),
  });
  render(<EmbedPage agent={agent()} />);
  const posts = () => http.calls.filter((c) => c.method === 'POST').length;
  return { posts };
}

const card = async () => within(await screen.findByRole('region', { name: 'Identity verification' }));

describe('EmbedPage: identity verification', () => {
  it('generates a secret and shows it once, with a copy button', async () => {
    const { posts } = setup(null);
    const section = await card();
    await section.findByText(/No secret yet/);
    fireEvent.click(section.getByRole('button', { name: 'Generate secret' }));
    const field = await section.findByRole<HTMLInputElement>('textbox', { name: 'Identity secret' });
    expect(field.value).toBe(SECRET);
    expect(section.getByRole('button', { name: 'Copy secret' })).toBeTruthy();
    expect(section.getByRole('button', { name: 'Rotate secret' })).toBeTruthy();
    expect(posts()).toBe(1);
  });

  it('later shows only that a secret exists, and rotates it after a confirmation', async () => {
    const { posts } = setup(Date.now() - 3_600_000);
    const section = await card();
    expect((await section.findByText(/A secret exists/)).textContent).toBe(
      'A secret exists, made 1h ago. It is not shown again.',
    );
    expect(section.queryByRole('textbox', { name: 'Identity secret' })).toBeNull();

    fireEvent.click(section.getByRole('button', { name: 'Rotate secret' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Rotate the identity secret?' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(posts()).toBe(0);

    fireEvent.click(section.getByRole('button', { name: 'Rotate secret' }));
    const again = within(await screen.findByRole('dialog', { name: 'Rotate the identity secret?' }));
    fireEvent.click(again.getByRole('button', { name: 'Rotate' }));
    expect((await section.findByRole<HTMLInputElement>('textbox', { name: 'Identity secret' })).value).toBe(
      SECRET,
    );
    expect(posts()).toBe(1);
  });
});

import type { Installation } from '@livechat/shared/api';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '../../test-utils/render.js';
import { mockFetch } from '../../test-utils/fetch-mock.js';
import { agent, site } from '../../test-utils/fixtures.js';
import { EmbedPage } from './embed-page.js';

function setup(installation: Installation) {
  mockFetch({
    'GET /api/sites': () => ({ body: { sites: [site()] } }),
    'GET /api/sites/site-1/installation': () => ({ body: installation }),
  });
  render(<EmbedPage agent={agent()} />);
}

describe('EmbedPage: installation', () => {
  it('shows where and when the widget was last seen, most recent first', async () => {
    const now = Date.now();
    setup({
      installed: true,
      sightings: [
        {
          origin: 'https://shop.example.com',
          page: 'https://shop.example.com/pricing',
          lastSeenAt: now - 180_000,
        },
        { origin: 'http://localhost:8080', page: null, lastSeenAt: now - 2 * 3_600_000 },
      ],
    });
    const card = within(await screen.findByRole('region', { name: 'Installation' }));
    expect((await card.findByText(/^Last seen on/)).textContent).toBe(
      'Last seen on https://shop.example.com/pricing, 3m ago',
    );
    const items = within(card.getByRole('list', { name: 'Recently seen on' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'https://shop.example.com/pricing3m ago',
      'http://localhost:80802h ago',
    ]);
    expect(card.queryByText(/Not installed/)).toBeNull();
  });

  it('says the widget was not seen yet before it has loaded on an allowed origin', async () => {
    setup({ installed: false, sightings: [] });
    const card = within(await screen.findByRole('region', { name: 'Installation' }));
    expect(
      await card.findByText(/^Not installed: the widget has not loaded on any allowed origin/),
    ).toBeTruthy();
    expect(card.queryByText(/^Last seen on/)).toBeNull();
  });
});

import type { Installation } from '@livechat/shared/api';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '../../test-utils/render.js';
import { mockFetch } from '../../test-utils/fetch-mock.js';
import { agent, site, storedPlaybook } from '../../test-utils/fixtures.js';
import { TEAMS } from '../../test-utils/inbox-fixtures.js';
import { PlaybookPage } from './playbook-page.js';

function setup(installation: Installation) {
  mockFetch({
    'GET /api/sites': () => ({ body: { sites: [site()] } }),
    'GET /api/sites/site-1/playbook': () => ({ body: { playbook: storedPlaybook() } }),
    'GET /api/sites/site-1/installation': () => ({ body: installation }),
    'GET /api/teams': () => ({ body: { teams: TEAMS } }),
  });
  render(<PlaybookPage agent={agent()} />);
}

const liveChatCard = async () => screen.findByRole('group', { name: /^Step \d+: Live Chat card$/ });

describe('PlaybookPage: installation status', () => {
  it('marks the Live Chat card "Not installed" until the widget has loaded on an allowed origin', async () => {
    setup({ installed: false, sightings: [] });
    const card = within(await liveChatCard());
    expect(await card.findByText('Not installed')).toBeTruthy();
    // Only the Live Chat card: the other steps run whether or not the widget is installed.
    expect(screen.getAllByText('Not installed')).toHaveLength(1);
  });

  it('shows nothing once the widget has loaded', async () => {
    setup({
      installed: true,
      sightings: [
        { origin: 'http://localhost:8080', page: 'http://localhost:8080/', lastSeenAt: Date.now() },
      ],
    });
    await liveChatCard();
    await screen.findByRole('textbox', { name: 'Bot name' });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('Not installed')).toBeNull();
  });
});

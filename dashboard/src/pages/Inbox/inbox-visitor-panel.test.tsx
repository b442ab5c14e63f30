// The side panel's "Visitor" region: the stored context, then the visitor's navigation live, without a reload.
import { describe, expect, it } from 'vitest';
import type { VisitorContext } from '@livechat/shared/model';
import { screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { T0 } from '../../test-utils/fixtures.js';
import { visitorLocalTime } from './visitor-panel.js';

const CONTEXT: VisitorContext = {
  page: { url: 'https://shop.example/', title: 'Home', at: T0 },
  referrer: 'https://search.example/?q=shoes',
  pages: [{ url: 'https://shop.example/', title: 'Home', at: T0 }],
  browser: 'Firefox 133',
  os: 'Linux',
  language: 'tr-TR',
  timeZone: 'Europe/Istanbul',
  updatedAt: T0,
};

const region = () => screen.getByRole('region', { name: 'Visitor' });

async function openWith(context: VisitorContext | null) {
  location.hash = '#/inbox/c-1';
  const app = setupApp({
    routes: { 'GET /api/conversations/c-1/visitor-context': () => ({ body: { context } }) },
  });
  await app.connect();
  return app;
}

describe('Visitor side panel', () => {
  it('shows the page, referrer, browser and OS, language and the visitor’s local time', async () => {
    await openWith(CONTEXT);
    await waitFor(() => expect(within(region()).getAllByRole('link', { name: 'Home' })).toHaveLength(2));
    const home = within(region()).getAllByRole('link', { name: 'Home' })[0]!;
    expect(home.getAttribute('href')).toBe('https://shop.example/');
    expect(home.getAttribute('target')).toBe('_blank');
    expect(home.getAttribute('rel')).toBe('noopener noreferrer');
    const referrer = within(region()).getByRole('link', { name: 'https://search.example/?q=shoes' });
    expect(referrer.getAttribute('rel')).toBe('noopener noreferrer');
    const text = region().textContent;
    expect(text).toContain('Firefox 133 on Linux');
    expect(text).toContain('tr-TR');
    expect(text).toContain('(Europe/Istanbul)');
    expect(within(region()).getByRole('list', { name: 'Pages visited' })).toBeTruthy();
  });

  it('follows the visitor to a new page when the server says so', async () => {
    const { server } = await openWith(CONTEXT);
    await waitFor(() => expect(within(region()).getAllByRole('link', { name: 'Home' }).length).toBe(2));
    const page = { url: 'https://shop.example/pricing', title: 'Pricing', at: T0 + 60_000 };
    server({
      type: 'visitor.context.updated',
      conversationId: 'c-1',
      context: { ...CONTEXT, page, pages: [...CONTEXT.pages, page], updatedAt: T0 + 60_000 },
    });
    await waitFor(() => expect(within(region()).getAllByRole('link', { name: 'Pricing' }).length).toBe(2));
    // Another conversation's visitor moving changes nothing here.
    server({
      type: 'visitor.context.updated',
      conversationId: 'c-2',
      context: { ...CONTEXT, page: { ...page, title: 'Elsewhere' }, updatedAt: T0 + 120_000 },
    });
    expect(within(region()).queryByRole('link', { name: 'Elsewhere' })).toBeNull();
  });

  it('links only http and https URLs', async () => {
    await openWith({
      ...CONTEXT,
      page: { url: 'javascript:alert(1)', title: 'Trap', at: T0 },
      pages: [],
      referrer: null,
    });
    await waitFor(() => expect(region().textContent).toContain('Trap'));
    expect(within(region()).queryByRole('link', { name: 'Trap' })).toBeNull();
    expect(region().textContent).toContain('Direct');
  });

  it('says when no page was reported yet', async () => {
    await openWith(null);
    await waitFor(() => expect(region().textContent).toContain('No page reported yet.'));
  });

  it('writes the visitor’s wall clock in their time zone', () => {
    const at = Date.UTC(2026, 0, 15, 11, 32);
    expect(visitorLocalTime('Europe/Istanbul', at)).toMatch(/^(14:32|02:32 PM) \(Europe\/Istanbul\)$/);
    expect(visitorLocalTime('Not/AZone', at)).toBe('Not/AZone');
  });
});

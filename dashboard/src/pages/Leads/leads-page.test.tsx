import type { CrmRecord } from '@livechat/shared/model';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '../../test-utils/render.js';
import { apiError, mockFetch, type Handler } from '../../test-utils/fetch-mock.js';
import { T0 } from '../../test-utils/fixtures.js';
import { formatDay, formatMoment, formatMoney } from './format-record.js';
import { LeadsPage } from './leads-page.js';

function record(over: Partial<CrmRecord> = {}): CrmRecord {
  return {
    id: 'r-1',
    kind: 'lead',
    title: 'Vera Visitor',
    value: null,
    expectedCloseDate: null,
    conversationId: 'c-1',
    conversationNumber: 7,
    contact: { id: 'v-1', name: 'Vera Visitor', email: 'vera@example.com', phone: '' },
    organization: { id: 'o-1', name: 'Acme Ltd', address: '' },
    note: '',
    createdBy: { id: 'ag-2', name: 'Bob Agent' },
    createdAt: T0,
    ...over,
  };
}

const lead = record();
const deal = record({
  id: 'r-2',
  kind: 'deal',
  title: 'Acme renewal',
  value: { amount: '1250', currency: 'EUR' },
  expectedCloseDate: '2026-12-31',
  conversationId: 'c/9',
  conversationNumber: 9,
  organization: null,
});

function setup(routes: Record<string, Handler> = {}) {
  return mockFetch({
    'GET /api/records': (call) => {
      const kind = new URL(call.url, 'http://x').searchParams.get('kind');
      return { body: { records: [lead, deal].filter((r) => !kind || r.kind === kind) } };
    },
    ...routes,
  });
}

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('LeadsPage', () => {
  it('lists leads and deals with every column', async () => {
    const http = setup();
    render(<LeadsPage />);
    const table = await screen.findByRole('table', { name: 'Leads and deals' });
    expect(http.calls.map((c) => c.url)).toEqual(['/api/records']);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Type',
      'Title',
      'Value',
      'Expected close',
      'Contact',
      'Organization',
      'Conversation',
      'Created by',
      'Created',
    ]);
    const [, leadRow, dealRow] = within(table).getAllByRole('row');
    expect(cells(leadRow!)).toEqual([
      'Lead',
      'Vera Visitor',
      '—',
      '—',
      'Vera Visitorvera@example.com',
      'Acme Ltd',
      '#7',
      'Bob Agent',
      formatMoment(T0),
    ]);
    expect(cells(dealRow!)).toEqual([
      'Deal',
      'Acme renewal',
      formatMoney({ amount: '1250', currency: 'EUR' }),
      formatDay('2026-12-31'),
      'Vera Visitorvera@example.com',
      '—',
      '#9',
      'Bob Agent',
      formatMoment(T0),
    ]);
    expect(within(dealRow!).getByRole('link', { name: '#9' }).getAttribute('href')).toBe('#/inbox/c%2F9');
    expect(within(leadRow!).getByRole('link', { name: 'vera@example.com' }).getAttribute('href')).toBe(
      'mailto:vera@example.com',
    );
  });

  it('filters by kind and exports what is shown', async () => {
    const http = setup();
    render(<LeadsPage />);
    await screen.findByRole('table');
    const exportLink = () => screen.getByRole('link', { name: 'Export CSV' });
    expect(exportLink().getAttribute('href')).toBe('/api/records.csv');
    expect(exportLink().hasAttribute('download')).toBe(true);

    fireEvent.click(screen.getByRole('tab', { name: 'Deals' }));
    const deals = await screen.findByRole('table', { name: 'Deals' });
    expect(screen.getByRole('tab', { name: 'Deals' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Deals' })).toBeTruthy();
    expect(within(deals).queryByText('Vera Visitor', { selector: 'td' })).toBeNull();
    expect(within(deals).getByText('Acme renewal')).toBeTruthy();
    expect(exportLink().getAttribute('href')).toBe('/api/records.csv?kind=deal');

    fireEvent.click(screen.getByRole('tab', { name: 'Leads' }));
    const leads = await screen.findByRole('table', { name: 'Leads' });
    expect(within(leads).queryByText('Acme renewal')).toBeNull();
    expect(exportLink().getAttribute('href')).toBe('/api/records.csv?kind=lead');
    expect(http.calls.map((c) => c.url)).toEqual([
      '/api/records',
      '/api/records?kind=deal',
      '/api/records?kind=lead',
    ]);
  });

  it('says when there is nothing yet, and shows a failure', async () => {
    setup({ 'GET /api/records': () => ({ body: { records: [] } }) });
    render(<LeadsPage />);
    expect(await screen.findByText('No leads or deals yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Deals' }));
    expect(await screen.findByText('No deals yet.')).toBeTruthy();

    setup({ 'GET /api/records': () => apiError(500, 'internal', 'Something went wrong on our side.') });
    fireEvent.click(screen.getByRole('tab', { name: 'Leads' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Something went wrong on our side.');
  });

  it('renders captured text as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    setup({
      'GET /api/records': () => ({
        body: { records: [record({ title: evil, contact: { id: 'v', name: evil, email: '', phone: '' } })] },
      }),
    });
    render(<LeadsPage />);
    const table = await screen.findByRole('table');
    expect(within(table).getAllByText(evil)).toHaveLength(2);
    expect(table.querySelector('img')).toBeNull();
  });
});

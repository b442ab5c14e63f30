// The Business hours page (admins): turning them on, the time zone, weekday opening times, holidays, and refusals.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEK, type BusinessHours } from '@livechat/shared/api';
import { fireEvent, render, screen, waitFor } from '../../test-utils/render.js';
import { mockFetch, type Call, type Handler } from '../../test-utils/fetch-mock.js';
import { agent, site } from '../../test-utils/fixtures.js';
import { BusinessHoursPage } from './business-hours-page.js';

const unsaved: BusinessHours = {
  enabled: false,
  timeZone: 'UTC',
  week: DEFAULT_WEEK,
  holidays: [],
  updatedAt: null,
};

function setup(routes: Record<string, Handler> = {}, role: 'admin' | 'agent' = 'admin') {
  const http = mockFetch({
    'GET /api/sites': () => ({ body: { sites: [site()] } }),
    'GET /api/sites/site-1/business-hours': () => ({ body: { businessHours: unsaved } }),
    'PUT /api/sites/site-1/business-hours': ({ body }: Call) => ({
      body: { businessHours: { ...(body as object), updatedAt: 1 } },
    }),
    ...routes,
  });
  render(<BusinessHoursPage agent={agent({ role })} />);
  return http;
}
const time = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

describe('Business hours page', () => {
  it('is off by default, starts from the browser zone, and saves the week and holidays', async () => {
    const http = setup();
    const on = await screen.findByRole('switch', { name: 'Use business hours' });
    expect(on.getAttribute('aria-checked')).toBe('false');
    const zone = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Time zone' });
    expect(zone.value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(time('Monday opens').value).toBe('09:00');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Sunday closed' }).checked).toBe(true);

    fireEvent.click(on);
    fireEvent.change(zone, { target: { value: 'Europe/Ljubljana' } });
    fireEvent.input(time('Friday closes'), { target: { value: '14:00' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Wednesday closed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add opening time on Monday' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Saturday closed' }));
    fireEvent.input(screen.getByLabelText('Holiday date'), { target: { value: '2026-12-25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add holiday' }));
    fireEvent.input(screen.getByLabelText('Holiday date'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add holiday' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove holiday 2026-01-01' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save business hours' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(http.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      enabled: true,
      timeZone: 'Europe/Ljubljana',
      week: {
        ...DEFAULT_WEEK,
        monday: [
          { start: '09:00', end: '17:00' },
          { start: '18:00', end: '20:00' },
        ],
        wednesday: [],
        friday: [{ start: '09:00', end: '14:00' }],
        saturday: [{ start: '09:00', end: '17:00' }],
      },
      holidays: ['2026-12-25'],
    });
  });

  it('says what is wrong at the day before sending, and shows the server refusals', async () => {
    const http = setup({
      'PUT /api/sites/site-1/business-hours': () => ({
        status: 400,
        body: {
          error: {
            code: 'invalid_request',
            message: 'The request is invalid.',
            details: [
              { path: 'body.timeZone', message: 'Choose a time zone from the list (like Europe/Ljubljana).' },
            ],
          },
        },
      }),
    });
    await screen.findByRole('switch', { name: 'Use business hours' });
    fireEvent.input(time('Tuesday opens'), { target: { value: '18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save business hours' }));
    const message = await screen.findByText('The opening time must be before the closing time.');
    expect(time('Tuesday opens').getAttribute('aria-describedby')).toBe(message.id);
    expect(http.calls.some((c) => c.method === 'PUT')).toBe(false);

    fireEvent.input(time('Tuesday opens'), { target: { value: '09:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save business hours' }));
    expect(await screen.findByText('Choose a time zone from the list (like Europe/Ljubljana).')).toBeTruthy();
    expect(screen.queryByRole('status')?.textContent ?? '').toBe('');
  });

  it('is for admins only', () => {
    setup({}, 'agent');
    expect(screen.getByText('Only admins can see the business hours.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save business hours' })).toBeNull();
  });
});

// Business hours: admins keep them per site; outside them the Live Chat card goes straight to the offline flow and
// the visitor is told when the team is back, even with an agent available.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { BusinessHoursBodySchema, WEEKDAYS, type BusinessHoursInput, type Week } from '@livechat/shared/api';
import { closeTestSockets, connectedAgent, connectedVisitor, demoSite, makeApp } from './helper.js';
import { call, inbox } from './inbox-helper.js';
import { say, setAvailable, startChat, testPlaybook, transcript, waitForMessage } from './playbook-helper.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  closeTestSockets();
  await app?.close();
  app = undefined;
});

const everyDay = (start: string, end: string): Week =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start, end }]])) as Week;
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
/** Every day one hour, starting two hours from now (UTC): closed now. */
function closedNow(): { week: Week; opensAt: string } {
  const start = (new Date().getUTCHours() + 2) % 24;
  return { week: everyDay(hh(start), start === 23 ? '24:00' : hh(start + 1)), opensAt: hh(start) };
}
const hours = (over: Partial<BusinessHoursInput> = {}): BusinessHoursInput => ({
  enabled: true,
  timeZone: 'UTC',
  week: everyDay('00:00', '24:00'),
  holidays: [],
  ...over,
});

async function withAvailableAgent(a: FastifyInstance) {
  const { admin } = await inbox(a);
  const siteId = (await demoSite(a)).id;
  await connectedAgent(a, admin);
  expect((await setAvailable(a, admin, true)).statusCode).toBe(200);
  return { admin, siteId };
}

describe('business hours', () => {
  it('are off until saved; admins read and save them, agents may not', async () => {
    app = await makeApp();
    const { admin, ann } = await inbox(app);
    const siteId = (await demoSite(app)).id;
    const read = await call(app, admin, 'GET', `/api/sites/${siteId}/business-hours`);
    expect(read.statusCode, read.body).toBe(200);
    expect(BusinessHoursBodySchema.parse(read.json()).businessHours).toMatchObject({
      enabled: false,
      updatedAt: null,
    });

    const saved = await call(app, admin, 'PUT', `/api/sites/${siteId}/business-hours`, {
      ...hours({ timeZone: 'Europe/Ljubljana' }),
      holidays: ['2026-12-25', '2026-01-01', '2026-12-25'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stored = BusinessHoursBodySchema.parse(saved.json()).businessHours;
    expect(stored).toMatchObject({
      enabled: true,
      timeZone: 'Europe/Ljubljana',
      holidays: ['2026-01-01', '2026-12-25'],
    });
    expect(stored.updatedAt).toEqual(expect.any(Number));
    expect(
      BusinessHoursBodySchema.parse(
        (await call(app, admin, 'GET', `/api/sites/${siteId}/business-hours`)).json(),
      ).businessHours,
    ).toEqual(stored);

    expect((await call(app, ann.cookie, 'GET', `/api/sites/${siteId}/business-hours`)).statusCode).toBe(403);
    expect(
      (await call(app, ann.cookie, 'PUT', `/api/sites/${siteId}/business-hours`, hours())).statusCode,
    ).toBe(403);
    expect((await call(app, admin, 'GET', `/api/sites/nope/business-hours`)).statusCode).toBe(404);
  });

  it('refuse bad input with a message per field', async () => {
    app = await makeApp();
    const { admin } = await inbox(app);
    const siteId = (await demoSite(app)).id;
    const put = async (body: unknown) => {
      const res = await call(app!, admin, 'PUT', `/api/sites/${siteId}/business-hours`, body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json<{ error: { details: { path: string; message: string }[] } }>().error.details;
    };
    expect(await put(hours({ timeZone: 'Mars/Olympus' }))).toEqual([
      { path: 'body.timeZone', message: 'Choose a time zone from the list (like Europe/Ljubljana).' },
    ]);
    expect(
      await put(
        hours({ week: { ...everyDay('09:00', '17:00'), monday: [{ start: '17:00', end: '09:00' }] } }),
      ),
    ).toEqual([
      { path: 'body.week.monday.0.end', message: 'The opening time must be before the closing time.' },
    ]);
    expect(
      await put(
        hours({ week: { ...everyDay('09:00', '17:00'), friday: [{ start: '9:00', end: '17:00' }] } }),
      ),
    ).toEqual([
      { path: 'body.week.friday.0.start', message: 'Enter a time as HH:MM (24-hour), like 09:00.' },
    ]);
    const overlapping = [
      { start: '09:00', end: '13:00' },
      { start: '12:00', end: '17:00' },
    ];
    expect(await put(hours({ week: { ...everyDay('09:00', '17:00'), tuesday: overlapping } }))).toEqual([
      { path: 'body.week.tuesday.1.start', message: 'Opening times on the same day must not overlap.' },
    ]);
    const many = Array.from({ length: 51 }, (_, i) =>
      new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
    );
    expect(await put(hours({ holidays: many }))).toEqual([
      { path: 'body.holidays', message: 'Keep at most 50 holidays; remove past ones first.' },
    ]);
    expect(await put(hours({ holidays: ['2027-02-30'] }))).toEqual([
      { path: 'body.holidays.0', message: 'This date does not exist.' },
    ]);
  });

  it('outside them: the offline flow and when the team is back, even with an agent available', async () => {
    app = await makeApp({}, { playbook: testPlaybook(30) });
    const { admin, siteId } = await withAvailableAgent(app);
    const { week, opensAt } = closedNow();
    const saved = await call(app, admin, 'PUT', `/api/sites/${siteId}/business-hours`, hours({ week }));
    expect(saved.statusCode, saved.body).toBe(200);

    const { socket: visitor, welcome } = await connectedVisitor(app);
    expect(welcome.online).toBe(true);
    await startChat(visitor);
    await say(visitor, 'Pricing');
    await waitForMessage(visitor, 'Your name?');
    expect(transcript(visitor).filter((t) => !t.startsWith('visitor:'))).toEqual([
      'bot:rich:Hello from Ava',
      'bot:question:What brings you here?\nPricing · Demo',
      'bot:rich:Nobody is around right now',
      expect.stringMatching(new RegExp(`^system:plain:We're back on \\w+ at ${opensAt} \\(UTC\\)\\.$`)),
      'bot:question:Your name?',
    ]);
  });

  it('inside them: the online message and the wait, as without business hours', async () => {
    app = await makeApp({}, { playbook: testPlaybook(30) });
    const { admin, siteId } = await withAvailableAgent(app);
    expect((await call(app, admin, 'PUT', `/api/sites/${siteId}/business-hours`, hours())).statusCode).toBe(
      200,
    );

    const { socket: visitor } = await connectedVisitor(app);
    await startChat(visitor);
    await say(visitor, 'Pricing');
    await waitForMessage(visitor, 'Waiting for an agent');
    expect(transcript(visitor).slice(-2)).toEqual([
      'bot:rich:Connecting you to the team',
      'system:waiting:Waiting for an agent',
    ]);
  });

  it('turned off: always open, whatever the weekly times say', async () => {
    app = await makeApp({}, { playbook: testPlaybook(30) });
    const { admin, siteId } = await withAvailableAgent(app);
    const off = hours({ enabled: false, week: closedNow().week });
    expect((await call(app, admin, 'PUT', `/api/sites/${siteId}/business-hours`, off)).statusCode).toBe(200);
    const { socket: visitor } = await connectedVisitor(app);
    await startChat(visitor);
    await say(visitor, 'Pricing');
    await waitForMessage(visitor, 'Connecting you to the team');
  });
});

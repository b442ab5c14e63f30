// businessHoursApi against the real server: admins read and save a site's business hours; agents may not.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEK } from '@livechat/shared/api';
import { businessHoursApi, sitesApi } from '../dashboard/src/api/index.js';
import { as, failure, server, teammate } from './setup.js';

describe('business hours', () => {
  it('are off until saved, then read back as saved; bad input and agents are refused', async () => {
    const { app, admin } = await server();
    const ann = await teammate(app, admin, 'Ann');
    const [site] = await as(admin, () => sitesApi.list());
    const siteId = site!.id;

    await as(admin, async () => {
      expect(await businessHoursApi.get(siteId)).toMatchObject({ enabled: false, updatedAt: null });
      const saved = await businessHoursApi.save(siteId, {
        enabled: true,
        timeZone: 'Europe/Ljubljana',
        week: { ...DEFAULT_WEEK, saturday: [{ start: '10:00', end: '13:00' }] },
        holidays: ['2026-12-26', '2026-12-25'],
      });
      expect(saved).toMatchObject({
        enabled: true,
        timeZone: 'Europe/Ljubljana',
        holidays: ['2026-12-25', '2026-12-26'],
      });
      expect(await businessHoursApi.get(siteId)).toEqual(saved);
      await failure(
        businessHoursApi.save(siteId, { ...saved, timeZone: 'Nowhere/Special' }),
        'invalid_request',
        400,
      );
    });
    await failure(
      as(ann.browser, () => businessHoursApi.get(siteId)),
      'forbidden',
      403,
    );
  });
});

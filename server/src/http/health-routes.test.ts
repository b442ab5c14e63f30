import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@livechat/shared/api';
import { healthRoutes, type ReadinessChecks } from './health-routes.js';
import { registerErrorHandling } from './errors.js';

async function ready(checks: ReadinessChecks) {
  const app = Fastify();
  registerErrorHandling(app);
  await app.register(healthRoutes(checks), { prefix: '/api' });
  const res = await app.inject({ url: '/api/ready' });
  await app.close();
  return res;
}

const up = (): Promise<void> => Promise.resolve();
const down = (): Promise<void> => Promise.reject(new Error('connection refused'));
const open = () => false;
const closing = () => true;

describe('readiness', () => {
  it('is ready when the database and Redis answer', async () => {
    const res = await ready({ database: up, redis: up, closing: open });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    [
      'the database does not answer',
      { database: down, redis: up, closing: open },
      'The database does not answer.',
    ],
    ['Redis does not answer', { database: up, redis: down, closing: open }, 'Redis does not answer.'],
    ['the node is shutting down', { database: up, closing }, 'This node is shutting down.'],
  ])('answers 503 not_ready when %s', async (_, checks, message) => {
    const res = await ready(checks);
    expect(res.statusCode).toBe(503);
    expect(ErrorBodySchema.parse(res.json()).error).toMatchObject({ code: 'not_ready', message });
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8787);
    expect(config.publicUrl).toBe('http://localhost:8787');
    expect(config.demoOrigins).toEqual(['http://localhost:8080', 'http://127.0.0.1:8080']);
    expect(config.databasePath).toMatch(/data[/\\]livechat\.sqlite$/);
    expect(config.logLevel).toBe('info');
    expect(config.dashboardOrigins).toEqual([
      'http://localhost:8787',
      'http://127.0.0.1:8787',
      'http://[::1]:8787',
    ]);
    expect(config.admin).toEqual({ email: 'admin@example.com', password: undefined });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      DEMO_PORT: '9001',
      DATA_DIR: '/tmp/lc',
      PUBLIC_URL: 'https://chat.example.com/',
      ADMIN_EMAIL: 'Boss@Example.com',
      ADMIN_PASSWORD: 'long-enough',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      port: 9000,
      publicUrl: 'https://chat.example.com',
      dashboardOrigins: ['https://chat.example.com'],
      databasePath: '/tmp/lc/livechat.sqlite',
      admin: { email: 'boss@example.com', password: 'long-enough' },
      demoOrigins: ['http://localhost:9001', 'http://127.0.0.1:9001'],
      logLevel: 'warn',
      trustProxy: true,
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DEMO_PORT', '-1'],
    ['PUBLIC_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://example.com'],
    ['ADMIN_EMAIL', 'nobody'],
    ['ADMIN_PASSWORD', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'yes'],
  ])('fails fast on a bad %s (%s) with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: .*got "${value}"`));
  });
});

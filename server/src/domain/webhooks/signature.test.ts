import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { newWebhookSecret, sign, verifySignature } from './signature.js';

const secret = 'whsec_test';
const body = '{"id":"d1","event":"lead.created","createdAt":1,"data":{}}';
const nowMs = 1_700_000_000_000;
const t = nowMs / 1000;

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 in hex', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(sign(secret, t, body)).toBe(`t=${t},v1=${expected}`);
  });

  it('accepts its own signature and refuses a changed body, another secret or a missing header', () => {
    const header = sign(secret, t, body);
    expect(verifySignature(secret, header, body, 300, nowMs)).toBe(true);
    expect(verifySignature(secret, header, body.replace('lead', 'deal'), 300, nowMs)).toBe(false);
    expect(verifySignature('whsec_other', header, body, 300, nowMs)).toBe(false);
    expect(verifySignature(secret, undefined, body, 300, nowMs)).toBe(false);
    expect(verifySignature(secret, '', body, 300, nowMs)).toBe(false);
  });

  it('refuses a timestamp outside the tolerance, either way (replays, skewed clocks)', () => {
    expect(verifySignature(secret, sign(secret, t - 301, body), body, 300, nowMs)).toBe(false);
    expect(verifySignature(secret, sign(secret, t + 301, body), body, 300, nowMs)).toBe(false);
    expect(verifySignature(secret, sign(secret, t - 299, body), body, 300, nowMs)).toBe(true);
  });

  it('refuses a signature whose timestamp was changed, and malformed headers', () => {
    const v1 = sign(secret, t, body).split(',')[1];
    expect(verifySignature(secret, `t=${t - 1},${v1}`, body, 300, nowMs)).toBe(false);
    for (const header of [
      'garbage',
      `t=${t}`,
      'v1=abc',
      `t=x,${v1}`,
      `t=${t},v1=${'z'.repeat(64)}`,
      `t=${t},v1=ab`,
    ]) {
      expect(verifySignature(secret, header, body, 300, nowMs)).toBe(false);
    }
  });

  it('accepts any matching v1 (secret rotation)', () => {
    const good = sign(secret, t, body).split(',')[1];
    expect(verifySignature(secret, `t=${t},v1=${'0'.repeat(64)},${good}`, body, 300, nowMs)).toBe(true);
  });

  it('makes distinct url-safe secrets of 256 bits', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

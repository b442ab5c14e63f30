// The fake run on its own, as a developer runs it (tsx, configured by the environment): it says where it is and
// where its phone pages are, answers the API with the configured credentials, and forwards a phone's text, signed.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { verifyTwilioSignature } from '../../server/src/sms/twilio/signature.js';

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const accountSid = `AC${'1'.repeat(32)}`;
const authToken = 'standalone-test-token';

let child: ChildProcess | undefined;
let receiver: http.Server | undefined;
afterEach(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  child = receiver = undefined;
});

/** Starts the fake as `tsx examples/fake-twilio/server.ts` would; resolves with what it printed at startup. */
function startStandalone(env: Record<string, string>): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/Texts from phones/.test(output)) resolve(output);
    });
    child!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child!.once('exit', (code) => reject(new Error(`the fake exited (${code}) before starting:\n${output}`)));
  });
}

it('prints its URL and its numbers with their phone pages, and works as configured', async () => {
  const inbound: { url: string; signature: string; params: URLSearchParams }[] = [];
  receiver = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      inbound.push({
        url: `http://127.0.0.1:${(receiver!.address() as AddressInfo).port}${request.url}`,
        signature: String(request.headers['x-twilio-signature']),
        params: new URLSearchParams(body),
      });
      response.writeHead(200).end('<Response/>');
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
  const webhook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sms/inbound`;

  const output = await startStandalone({
    PORT: '0',
    TWILIO_ACCOUNT_SID: accountSid,
    TWILIO_AUTH_TOKEN: authToken,
    SMS_INBOUND_WEBHOOK_URL: webhook,
  });
  const url = /Fake Twilio: +(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  expect(url, output).toBeTruthy();
  expect(output).toContain(`Account SID:      ${accountSid}`);
  expect(output).toContain(`${url}/phone/+14155550123?to=%2B12025550100`);
  expect(output).toContain(`${url}/phone/+14155550123?to=%2B12025550101`);
  expect(output).toContain(`Texts from phones go to ${webhook}`);

  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const numbers = await fetch(`${url}/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json`, {
    headers: { authorization },
  });
  expect(numbers.status).toBe(200);

  const page = await (await fetch(`${url}/phone/+14155550123?to=%2B12025550101`)).text();
  expect(page).toContain('<option value="+12025550101" selected>');
  const reply = await fetch(`${url}/phone/+14155550123/reply`, {
    method: 'POST',
    body: new URLSearchParams({ To: '+12025550101', Body: 'Hi from the phone' }),
    redirect: 'manual',
  });
  expect(reply.status).toBe(303);
  expect(inbound).toHaveLength(1);
  const [text] = inbound;
  expect(verifyTwilioSignature(authToken, text!.signature, text!.url, text!.params)).toBe(true);
  expect(Object.fromEntries(text!.params)).toMatchObject({
    From: '+14155550123',
    To: '+12025550101',
    Body: 'Hi from the phone',
    AccountSid: accountSid,
  });

  const exited = new Promise((resolve) => child!.once('exit', resolve));
  child!.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 20_000);

it('refuses a PORT that is not a port, saying so', async () => {
  await expect(startStandalone({ PORT: 'eighty' })).rejects.toThrow(
    'PORT must be a port number (0 to 65535), not "eighty".',
  );
}, 20_000);

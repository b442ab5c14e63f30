// The shapes and rules of Twilio's REST API (2010-04-01) that the fake reproduces: Basic auth, the Message resource,
// the paged IncomingPhoneNumbers list, and the error body with Twilio's codes (twilio.com/docs/api/errors/<code>).
import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { sendJson } from './http.js';

export const API_VERSION = '2010-04-01';
export const E164 = /^\+[1-9]\d{6,14}$/;

/** A Twilio id: two letters and 32 hex digits (34 characters). */
export const newSid = (prefix: string): string => prefix + randomBytes(16).toString('hex');

export interface AccountNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
}

export interface TwilioErrorAnswer {
  status: number;
  code: number;
  message: string;
  headers?: Record<string, string>;
}

export function sendTwilioError(
  response: ServerResponse,
  { status, code, message, headers }: TwilioErrorAnswer,
): void {
  sendJson(
    response,
    status,
    { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    headers,
  );
}

export const AUTHENTICATE: TwilioErrorAnswer = {
  status: 401,
  code: 20003,
  message: 'Authenticate',
  headers: { 'www-authenticate': 'Basic realm="Twilio API"' },
};

/** Basic auth with the Account SID and auth token, for the account named in the path. */
export function isAuthorized(
  authorization: string | undefined,
  accountSidInPath: string,
  account: { accountSid: string; authToken: string },
): boolean {
  const [scheme, encoded] = (authorization ?? '').split(' ');
  if (scheme !== 'Basic' || !encoded) return false;
  const credentials = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = credentials.indexOf(':');
  return (
    colon > 0 &&
    credentials.slice(0, colon) === account.accountSid &&
    credentials.slice(colon + 1) === account.authToken &&
    accountSidInPath === account.accountSid
  );
}

/** The answer Twilio gives for an injected outage. */
export function outage(status: 429 | 500 | 503): TwilioErrorAnswer {
  if (status === 429)
    return { status, code: 20429, message: 'Too Many Requests', headers: { 'retry-after': '1' } };
  return { status, code: 20000 + status, message: status === 503 ? 'Service Unavailable' : 'Internal Error' };
}

/** Why Twilio would refuse to create this message, in the order it checks; null: it would accept it. */
export function refusalOf(
  form: URLSearchParams,
  account: { owns: (number: string) => boolean; optedOut: ReadonlySet<string> },
): TwilioErrorAnswer | null {
  const to = form.get('To') ?? '';
  const from = form.get('From') ?? '';
  const refuse = (code: number, message: string): TwilioErrorAnswer => ({ status: 400, code, message });
  if (!to) return refuse(21604, "A 'To' phone number is required.");
  if (!E164.test(to)) return refuse(21211, `Invalid 'To' Phone Number: ${to}`);
  if (!account.owns(from))
    return refuse(21659, `'From' ${from} is not a Twilio phone number or Short Code country mismatch`);
  if (!form.get('Body') && !form.has('MediaUrl')) return refuse(21602, 'Message body is required.');
  if (account.optedOut.has(to)) return refuse(21610, 'Attempt to send to unsubscribed recipient');
  return null;
}

/** The Message resource as created (status queued), the fields Twilio returns that matter to a client. */
export function messageResource(
  accountSid: string,
  message: { sid: string; from: string; to: string; body: string },
): Record<string, unknown> {
  const now = new Date().toUTCString().replace('GMT', '+0000');
  return {
    sid: message.sid,
    account_sid: accountSid,
    api_version: API_VERSION,
    from: message.from,
    to: message.to,
    body: message.body,
    status: 'queued',
    direction: 'outbound-api',
    num_media: '0',
    num_segments: '1',
    error_code: null,
    error_message: null,
    price: null,
    price_unit: 'USD',
    date_created: now,
    date_updated: now,
    date_sent: null,
    uri: `/${API_VERSION}/Accounts/${accountSid}/Messages/${message.sid}.json`,
  };
}

/** One page of the IncomingPhoneNumbers list, by the Page and PageSize query parameters. */
export function numbersPage(
  accountSid: string,
  numbers: readonly AccountNumber[],
  query: URLSearchParams,
  maxPageSize: number,
): Record<string, unknown> {
  const pageSize = Math.min(Math.max(Number(query.get('PageSize')) || 50, 1), maxPageSize);
  const page = Math.max(Number(query.get('Page')) || 0, 0);
  const start = page * pageSize;
  const base = `/${API_VERSION}/Accounts/${accountSid}/IncomingPhoneNumbers.json?PageSize=${pageSize}`;
  return {
    incoming_phone_numbers: numbers.slice(start, start + pageSize).map((n) => ({
      sid: n.sid,
      account_sid: accountSid,
      phone_number: n.phoneNumber,
      friendly_name: n.friendlyName,
      capabilities: { sms: true, mms: true, voice: true, fax: false },
    })),
    page,
    page_size: pageSize,
    start,
    end: Math.min(start + pageSize, numbers.length) - 1,
    uri: `${base}&Page=${page}`,
    first_page_uri: `${base}&Page=0`,
    next_page_uri: start + pageSize < numbers.length ? `${base}&Page=${page + 1}` : null,
    previous_page_uri: page > 0 ? `${base}&Page=${page - 1}` : null,
  };
}

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

/** A message in the account's log: one the fake sent for the inbox, or one a phone texted to the account. */
export interface MessageRecord {
  sid: string;
  direction: 'outbound-api' | 'inbound';
  from: string;
  to: string;
  body: string;
  numMedia: number;
  /** Twilio's status: queued, sending, sent, delivered, undelivered; received for an inbound message. */
  status: string;
  errorCode: number | null;
  dateCreated: Date;
  dateUpdated: Date;
  dateSent: Date | null;
}

/** Twilio's dates: RFC 2822, to the second, in UTC ("Tue, 01 Dec 2026 10:00:00 +0000"). */
export const rfc2822 = (date: Date): string => date.toUTCString().replace('GMT', '+0000');

/** The Message resource, the fields Twilio returns that matter to a client, as the message is now. */
export function messageResource(accountSid: string, message: MessageRecord): Record<string, unknown> {
  return {
    sid: message.sid,
    account_sid: accountSid,
    api_version: API_VERSION,
    from: message.from,
    to: message.to,
    body: message.body,
    status: message.status,
    direction: message.direction,
    num_media: String(message.numMedia),
    num_segments: '1',
    error_code: message.errorCode,
    error_message: null,
    price: null,
    price_unit: 'USD',
    date_created: rfc2822(message.dateCreated),
    date_updated: rfc2822(message.dateUpdated),
    date_sent: message.dateSent && rfc2822(message.dateSent),
    uri: `/${API_VERSION}/Accounts/${accountSid}/Messages/${message.sid}.json`,
  };
}

/**
 * One page of a list resource, by the Page and PageSize query parameters; the page URIs keep the list's filters.
 * (Twilio adds a PageToken to its next page URIs; the fake's Page alone finds the page.)
 */
function listPage<T>(
  key: string,
  path: string,
  items: readonly T[],
  query: URLSearchParams,
  options: { maxPageSize: number; filters?: Record<string, string> },
): Record<string, unknown> {
  const pageSize = Math.min(Math.max(Number(query.get('PageSize')) || 50, 1), options.maxPageSize);
  const page = Math.max(Number(query.get('Page')) || 0, 0);
  const start = page * pageSize;
  const base = `${path}?${new URLSearchParams({ ...options.filters, PageSize: String(pageSize) })}`;
  return {
    [key]: items.slice(start, start + pageSize),
    page,
    page_size: pageSize,
    start,
    end: Math.min(start + pageSize, items.length) - 1,
    uri: `${base}&Page=${page}`,
    first_page_uri: `${base}&Page=0`,
    next_page_uri: start + pageSize < items.length ? `${base}&Page=${page + 1}` : null,
    previous_page_uri: page > 0 ? `${base}&Page=${page - 1}` : null,
  };
}

/** One page of the IncomingPhoneNumbers list. */
export function numbersPage(
  accountSid: string,
  numbers: readonly AccountNumber[],
  query: URLSearchParams,
  maxPageSize: number,
): Record<string, unknown> {
  const resources = numbers.map((n) => ({
    sid: n.sid,
    account_sid: accountSid,
    phone_number: n.phoneNumber,
    friendly_name: n.friendlyName,
    capabilities: { sms: true, mms: true, voice: true, fax: false },
  }));
  const path = `/${API_VERSION}/Accounts/${accountSid}/IncomingPhoneNumbers.json`;
  return listPage('incoming_phone_numbers', path, resources, query, { maxPageSize });
}

/** One page of the Message list: the log filtered by the To and From parameters, newest first, as Twilio lists. */
export function messagesPage(
  accountSid: string,
  log: readonly MessageRecord[],
  query: URLSearchParams,
  maxPageSize: number,
): Record<string, unknown> {
  const filters: Record<string, string> = {};
  for (const name of ['To', 'From']) {
    const value = query.get(name);
    if (value) filters[name] = value;
  }
  const matching = log
    .filter((m) => (!filters.To || m.to === filters.To) && (!filters.From || m.from === filters.From))
    .toReversed()
    .map((m) => messageResource(accountSid, m));
  const path = `/${API_VERSION}/Accounts/${accountSid}/Messages.json`;
  return listPage('messages', path, matching, query, { maxPageSize, filters });
}

// The visitor channel: the shared ReconnectingClient pointed at VISITOR_SOCKET_PATH. Only types come from the
// zod-based protocol module, so zod stays out of the bundle.
import { ReconnectingClient, type ClientOptions } from '@livechat/shared/client';
import { VISITOR_SOCKET_PATH } from '@livechat/shared/protocol/constants';
import type { AckFrame, VisitorHello, VisitorServerFrame } from '@livechat/shared/protocol';

export type VisitorClient = ReconnectingClient<VisitorServerFrame, AckFrame>;

/** `https://chat.example.com` -> `wss://chat.example.com/ws/visitor?siteKey=…` (a path prefix is kept). */
export function visitorSocketUrl(serverUrl: string, siteKey: string): string {
  return `${serverUrl.replace(/^http/, 'ws')}${VISITOR_SOCKET_PATH}?siteKey=${encodeURIComponent(siteKey)}`;
}

export interface VisitorClientOptions extends Omit<ClientOptions<VisitorServerFrame>, 'url' | 'hello'> {
  serverUrl: string;
  siteKey: string;
  hello: () => VisitorHello;
}

export function createVisitorClient({ serverUrl, siteKey, ...options }: VisitorClientOptions): VisitorClient {
  const url = visitorSocketUrl(serverUrl, siteKey);
  return new ReconnectingClient<VisitorServerFrame, AckFrame>({ ...options, url: () => url });
}

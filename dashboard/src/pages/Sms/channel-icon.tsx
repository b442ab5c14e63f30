// A conversation's channel as a small picture with a name ("SMS", "Web chat"), for lists and headers.
import type { Channel } from '@livechat/shared/model';

const NAMES: Record<Channel, string> = { sms: 'SMS', web: 'Web chat' };

/** A phone with a text bubble for SMS, a chat bubble for the widget. Paths draw in currentColor. */
const PATHS: Record<Channel, string> = {
  sms: 'M7 2h7a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Zm0 2v12h7V4H7Zm1.5 2h4v1.5h-4V6Zm0 3h4v1.5h-4V9Zm1.5 5h1v1h-1v-1Z',
  web: 'M4 3h12a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H9l-4 3v-3H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm0 2v8h3v1.5L9 13h7V5H4Z',
};

export function channelName(channel: Channel): string {
  return NAMES[channel];
}

export function ChannelIcon({ channel }: { channel: Channel }) {
  return (
    <span class={`channel-icon channel-icon--${channel}`} role="img" aria-label={NAMES[channel]}>
      <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true" focusable="false">
        <path fill="currentColor" fill-rule="evenodd" d={PATHS[channel]} />
      </svg>
    </span>
  );
}

import type { ConnectionStatus } from '@livechat/shared/client';
import { CloseCode } from '@livechat/shared/protocol/constants';

interface Props {
  status: ConnectionStatus;
  closeCode: number | null;
}

function describe(status: ConnectionStatus, closeCode: number | null): string {
  if (status === 'online') return 'Live';
  if (status === 'connecting') return closeCode === null ? 'Connecting…' : 'Reconnecting…';
  if (status === 'offline') return 'Offline, reconnecting…';
  if (closeCode === CloseCode.UnsupportedVersion) return 'Dashboard out of date. Reload the page.';
  return 'Disconnected. Reload the page.';
}

/** A small dot and label; announced politely so screen reader users hear when live updates stop. */
export function ConnectionIndicator({ status, closeCode }: Props) {
  return (
    <div class={`connection connection--${status}`} role="status" title="Live updates">
      <span class="connection__dot" aria-hidden="true" />
      <span class="connection__label">{describe(status, closeCode)}</span>
    </div>
  );
}

import type { ConnectionStatus } from '@livechat/shared/client';
import { CloseCode } from '@livechat/shared/protocol/constants';
import { useT, type Translate } from '../i18n/i18n.js';

interface Props {
  status: ConnectionStatus;
  closeCode: number | null;
}

function describe(status: ConnectionStatus, closeCode: number | null, t: Translate): string {
  if (status === 'online') return t('connection.live');
  if (status === 'connecting')
    return closeCode === null ? t('connection.connecting') : t('connection.reconnecting');
  if (status === 'offline') return t('connection.offline');
  if (closeCode === CloseCode.UnsupportedVersion) return t('connection.outdated');
  return t('connection.disconnected');
}

/** A small dot and label; announced politely so screen reader users hear when live updates stop. */
export function ConnectionIndicator({ status, closeCode }: Props) {
  const t = useT();
  return (
    <div class={`connection connection--${status}`} role="status" title={t('connection.title')}>
      <span class="connection__dot" aria-hidden="true" />
      <span class="connection__label">{describe(status, closeCode, t)}</span>
    </div>
  );
}

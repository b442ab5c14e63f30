// The numbers a new text can go out from: each site's connected number (any agent may read them). Paused ones are
// listed too: the server then says sending is paused, in words, where the agent tries.
import { formatPhoneForDisplay } from '@livechat/shared/sms';
import { useMemo } from 'preact/hooks';
import { smsApi } from '../../api/index.js';
import { useLoad, type Loaded } from '../../components/use-load.js';

export interface SendSite {
  /** The site the number belongs to. */
  id: string;
  /** "+1 202 555 0100 (Demo site)". */
  name: string;
}

export interface SendSites {
  state: Loaded<readonly SendSite[]>;
  /** The same answer, for a Send pressed before it arrived. */
  ready: Promise<readonly SendSite[]>;
}

const loadSenders = async (): Promise<readonly SendSite[]> =>
  (await smsApi.senders()).map((s) => ({
    id: s.siteId,
    name: `${formatPhoneForDisplay(s.number)} (${s.siteName})`,
  }));

export function useSendSites(): SendSites {
  // One request per page, shared by what is shown and by a Send that has to wait for it. A failure is shown by the
  // dialog (and by a Send that awaits it), so it is never left unhandled when nobody opened the dialog.
  const ready = useMemo(() => {
    const loading = loadSenders();
    loading.catch(() => {});
    return loading;
  }, []);
  const { state } = useLoad(() => ready, [ready]);
  return useMemo(() => ({ state, ready }), [state, ready]);
}

import type { Agent } from '@livechat/shared/model';
import { sitesApi } from '../../api/index.js';
import { AdminOnly } from '../../components/admin-only.js';
import { SitePage } from '../../components/site-page.js';
import { useLoad } from '../../components/use-load.js';
import { PlaybookEditor } from './playbook-editor.js';
import { BotFolderSetting } from './bot-folder-setting.js';
import { InstallationProvider } from './installation-badge.js';

export function PlaybookPage({ agent }: { agent: Agent }) {
  return (
    <AdminOnly agent={agent} title="Playbook" refusal="Only admins can edit the playbook.">
      <SitePage title="Playbook">
        {(site, { replace }) => (
          <>
            <InstallationProvider siteId={site.id}>
              <PlaybookLoader siteId={site.id} />
            </InstallationProvider>
            <BotFolderSetting site={site} onSaved={replace} />
          </>
        )}
      </SitePage>
    </AdminOnly>
  );
}

function PlaybookLoader({ siteId }: { siteId: string }) {
  const { state } = useLoad(() => sitesApi.playbook(siteId), [siteId]);
  if (state.status === 'loading') return <p class="empty">Loading…</p>;
  if (state.status === 'error') {
    return (
      <p class="form-error" role="alert">
        {state.message}
      </p>
    );
  }
  return <PlaybookEditor siteId={siteId} initial={state.data} />;
}

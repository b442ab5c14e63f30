// "SMS / Text messages" (admins only): the provider account, the site's number, the Enabled switch, the webhook URLs
// for numbers set up by hand, and what to check when texts do not arrive.
import type { Agent } from '@livechat/shared/model';
import { AdminOnly } from '../../components/admin-only.js';
import { SitePage } from '../../components/site-page.js';
import { SmsSettingsPanel } from './sms-settings-panel.js';
import './sms.css';

export const SMS_PAGE_TITLE = 'SMS / Text messages';

export function SmsPage({ agent }: { agent: Agent }) {
  return (
    <AdminOnly agent={agent} title={SMS_PAGE_TITLE} refusal="Only admins can manage text messaging.">
      <SitePage title={SMS_PAGE_TITLE}>{(site) => <SmsSettingsPanel siteId={site.id} />}</SitePage>
    </AdminOnly>
  );
}

import type { Agent } from '@livechat/shared/model';
import type { NotificationSettingsStore } from '../../notifications/settings-store.js';
import { useStore } from '../../state/use-store.js';
import { AlertChoices } from './alert-choices.js';
import { DesktopPermissionPanel } from './desktop-permission.js';
import { FileSettingsSection } from './file-settings.js';
import { ClosingSettingsSection } from './closing-settings.js';
import { TypingPreviewSection } from './typing-preview-settings.js';

interface Props {
  agent: Agent;
  settings: NotificationSettingsStore;
}

/** The signed-in agent's own settings (which alerts they get), and for admins the site's file rules. */
export function SettingsPage({ agent, settings }: Props) {
  const state = useStore(settings);
  return (
    <main class="page">
      <h1 class="page__title">Settings</h1>
      {state.status === 'loading' && <p class="empty">Loading…</p>}
      {state.status === 'error' && (
        <div class="list-error" role="alert">
          <span>{state.message}</span>
          <button type="button" class="button button--small" onClick={() => void settings.load()}>
            Retry
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <AlertChoices settings={state.settings} onSave={(next) => settings.save(next)} />
      )}
      <DesktopPermissionPanel />
      {agent.role === 'admin' && <FileSettingsSection />}
      {agent.role === 'admin' && <ClosingSettingsSection />}
      {agent.role === 'admin' && <TypingPreviewSection />}
    </main>
  );
}

import type { NotificationSettings } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { CheckboxField } from '../../components/checkbox-field.js';
import { errorMessage } from '../../api/index.js';

const CHOICES: readonly { key: keyof NotificationSettings; label: string; hint: string }[] = [
  {
    key: 'newChat',
    label: 'New chats in Unassigned',
    hint: 'A visitor is waiting for someone to take the chat.',
  },
  { key: 'assignedToMe', label: 'Chats assigned to me', hint: 'A colleague gave you a chat.' },
  { key: 'newMessage', label: 'New messages in my chats', hint: 'Not for the chat you have open on screen.' },
  { key: 'sound', label: 'Play a sound', hint: 'A short chime with each of the alerts above.' },
];

interface Props {
  settings: NotificationSettings;
  /** Throws the server's refusal; the settings shown go back by themselves. */
  onSave: (settings: NotificationSettings) => Promise<void>;
}

/** One checkbox per kind of alert, each saved as soon as it changes. */
export function AlertChoices({ settings, onSave }: Props) {
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);

  const change = async (key: keyof NotificationSettings, on: boolean) => {
    setStatus({ text: 'Saving…', failed: false });
    try {
      await onSave({ ...settings, [key]: on });
      setStatus({ text: 'Saved', failed: false });
    } catch (err) {
      setStatus({ text: errorMessage(err), failed: true });
    }
  };

  return (
    <section class="card" aria-labelledby="alerts-title">
      <h2 class="card__title" id="alerts-title">
        Notify me about
      </h2>
      <p class="muted" id="alerts-hint">
        As desktop notifications, once they are enabled below. The tab title counts new chats and messages
        whatever you choose here.
      </p>
      <div class="check-list" role="group" aria-labelledby="alerts-title" aria-describedby="alerts-hint">
        {CHOICES.map(({ key, label, hint }) => (
          <CheckboxField key={key} checked={settings[key]} hint={hint} onValue={(on) => void change(key, on)}>
            {label}
          </CheckboxField>
        ))}
      </div>
      {status?.failed && (
        <p class="form-error" role="alert">
          {status.text}
        </p>
      )}
      <p class="settings__status" role="status">
        {status && !status.failed ? status.text : ''}
      </p>
    </section>
  );
}

// "Configure": which of the account's numbers the site texts from, what a contact gets for HELP, and which team's
// queue texts go to.
import {
  UpdateSmsSettingsBodySchema,
  type SmsNumber,
  type SmsSettings,
  type UpdateSmsSettingsBody,
} from '@livechat/shared/api';
import { formatPhoneForDisplay } from '@livechat/shared/sms';
import { useEffect, useState } from 'preact/hooks';
import { InvalidFields, issueFields } from '../../components/form-errors.js';
import { SelectField } from '../../components/select-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { useLoad } from '../../components/use-load.js';
import { useTeamOptions } from '../../components/use-team-options.js';
import { smsApi } from '../../api/index.js';

interface Props {
  settings: SmsSettings;
  /** Throws the server's refusal, which the form shows. */
  onSave: (patch: UpdateSmsSettingsBody) => Promise<void>;
}

const FIELDS = ['number', 'helpText', 'teamId'] as const;

const digits = (text: string) => text.replace(/\D/g, '');

/** "+1 415 555 0100 (Main line)"; Twilio's default name is the number itself, which is not repeated. */
export function numberLabel({ phoneNumber, friendlyName }: SmsNumber): string {
  const shown = formatPhoneForDisplay(phoneNumber);
  const isTheNumber =
    /^[\d\s()+.-]*$/.test(friendlyName) && digits(phoneNumber).endsWith(digits(friendlyName));
  return friendlyName.trim() && !isTheNumber ? `${shown} (${friendlyName})` : shown;
}

export function ConfigureSection({ settings, onSave }: Props) {
  const numbers = useLoad(() => smsApi.numbers(), []);
  const available = numbers.state.status === 'ready' ? numbers.state.data : [];
  // Switching is choosing another number and Save; the connected one is preselected.
  const [number, setNumber] = useState(settings.number ?? '');
  // Saved or disconnected: the select follows what is stored.
  useEffect(() => setNumber(settings.number ?? ''), [settings.number]);
  const [helpText, setHelpText] = useState(settings.helpText);
  const [teamId, setTeamId] = useState(settings.teamId ?? '');
  const teamOptions = useTeamOptions(teamId);

  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      const patch: UpdateSmsSettingsBody = {};
      if (!number) throw new InvalidFields({ number: 'Choose a number.' });
      if (number !== settings.number) patch.number = number;
      if (helpText !== settings.helpText) patch.helpText = helpText;
      if (teamId !== (settings.teamId ?? '')) patch.teamId = teamId || null;
      if (Object.keys(patch).length === 0) throw new Error('Nothing to change.');
      const parsed = UpdateSmsSettingsBodySchema.safeParse(patch);
      if (!parsed.success) throw new InvalidFields(issueFields(parsed.error.issues, FIELDS));
      await onSave(parsed.data);
    },
    undefined,
    FIELDS,
  );

  // A connected number the account no longer lists (released in the console) still shows as chosen.
  const gone =
    settings.number !== null &&
    numbers.state.status === 'ready' &&
    !available.some((n) => n.phoneNumber === settings.number)
      ? [
          {
            value: settings.number,
            label: `${formatPhoneForDisplay(settings.number)} (not in this account any more)`,
          },
        ]
      : [];
  return (
    <form
      class="card sms-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="sms-configure-title"
    >
      <h2 class="card__title" id="sms-configure-title">
        Configure
      </h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {numbers.state.status === 'error' && (
        <p class="form-error" role="alert">
          The numbers could not be listed: {numbers.state.message}
        </p>
      )}
      {numbers.state.status === 'ready' && available.length === 0 && (
        <p class="muted">
          This Twilio account has no phone numbers yet. Buy one in the Twilio console, then reload this page.
        </p>
      )}
      <SelectField
        class="sms-form__number"
        label="Number"
        hint="The number contacts text and receive your replies from. To switch, choose another and Save."
        disabled={numbers.state.status !== 'ready'}
        error={fieldErrors.number}
        value={number}
        options={[
          ...(settings.number === null
            ? [
                {
                  value: '',
                  label: numbers.state.status === 'loading' ? 'Loading numbers…' : 'Choose a number',
                },
              ]
            : []),
          ...gone,
          ...available.map((n) => ({ value: n.phoneNumber, label: numberLabel(n) })),
        ]}
        onValue={(v) => {
          setNumber(v);
          clearField('number');
        }}
      />
      <TextAreaField
        label="Help text"
        hint="What a contact gets when they text HELP."
        rows={2}
        maxLength={320}
        error={fieldErrors.helpText}
        value={helpText}
        onValue={(v) => {
          setHelpText(v);
          clearField('helpText');
        }}
      />
      <SelectField
        label="Route texts to team"
        hint="New text conversations wait in this team's queue, where its automatic assignment applies."
        error={fieldErrors.teamId}
        value={teamId}
        options={teamOptions}
        onValue={(v) => {
          setTeamId(v);
          clearField('teamId');
        }}
      />
      <div>
        <button class="button button--primary" type="submit" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}

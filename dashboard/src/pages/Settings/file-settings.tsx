// Admins: what files a site's visitors and agents may send, the largest one, and how much the site stores.
import {
  FileTypeGroupSchema,
  WEB_MAX_FILE_BYTES,
  type FileSettingsBody,
  type FileTypeGroup,
} from '@livechat/shared/api';
import { formatFileSize } from '@livechat/shared/files';
import { useState } from 'preact/hooks';
import { filesApi } from '../../api/index.js';
import { CheckboxField } from '../../components/checkbox-field.js';
import { InvalidFields } from '../../components/form-errors.js';
import { SiteSettingsCard } from '../../components/site-settings-card.js';
import { TextField } from '../../components/text-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { useLoad } from '../../components/use-load.js';
import { WhenLoaded } from '../../components/when-loaded.js';

export const FILE_GROUP_LABELS: Record<FileTypeGroup, string> = {
  image: 'Images',
  pdf: 'PDF',
  document: 'Documents',
  audio: 'Audio',
  video: 'Video',
  archive: 'Archives',
};

const MB = 1024 * 1024;
const CHANNEL_MB = WEB_MAX_FILE_BYTES / MB;

/** The "Files" card of the Settings page, for the site picked (or the only one). */
export function FileSettingsSection() {
  return (
    <SiteSettingsCard id="files-title" title="Files">
      {(site) => <FileSettingsLoader key={site.id} siteId={site.id} />}
    </SiteSettingsCard>
  );
}

function FileSettingsLoader({ siteId }: { siteId: string }) {
  const loaded = useLoad(() => filesApi.settings(siteId), [siteId]);
  return (
    <WhenLoaded state={loaded.state}>
      {(settings) => <FileSettingsForm siteId={siteId} initial={settings} />}
    </WhenLoaded>
  );
}

/** "10", "2.5", "0,5" in MB as bytes; empty is null (the channel's limit). */
export function parseMaxMb(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const mb = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(mb) || mb <= 0) throw new InvalidFields({ maxMb: 'Enter a size in MB, like 10.' });
  if (mb > CHANNEL_MB) throw new InvalidFields({ maxMb: `At most ${CHANNEL_MB} MB.` });
  return Math.max(1024, Math.round(mb * MB));
}

const mbText = (bytes: number | null) => (bytes === null ? '' : String(Math.round((bytes / MB) * 100) / 100));

const FIELDS = ['maxMb'] as const;

function FileSettingsForm({ siteId, initial }: { siteId: string; initial: FileSettingsBody }) {
  const [stored, setStored] = useState(initial);
  const [allowed, setAllowed] = useState<ReadonlySet<FileTypeGroup>>(new Set(initial.allowed));
  const [maxMb, setMaxMb] = useState(mbText(initial.maxFileBytes));
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit(
    async () => {
      setSaved(false);
      const maxFileBytes = parseMaxMb(maxMb);
      // In the schema's order, whatever order they were ticked in.
      const groups = FileTypeGroupSchema.options.filter((g) => allowed.has(g));
      const answer = await filesApi.saveSettings(siteId, { allowed: groups, maxFileBytes });
      setStored(answer);
      setAllowed(new Set(answer.allowed));
      setMaxMb(mbText(answer.maxFileBytes));
      setSaved(true);
    },
    undefined,
    FIELDS,
  );
  const toggle = (group: FileTypeGroup, on: boolean) => {
    const next = new Set(allowed);
    if (on) next.add(group);
    else next.delete(group);
    setAllowed(next);
    setSaved(false);
  };

  return (
    <form class="file-settings" onSubmit={(e) => void form.submit(e)} noValidate>
      <p class="muted" id="files-hint">
        What visitors and agents may send in this site&rsquo;s conversations. Web pages and scripts are never
        accepted. With nothing ticked, attachments are off.
      </p>
      <fieldset class="fieldset check-list" aria-describedby="files-hint">
        <legend class="field__label">Types of file</legend>
        {FileTypeGroupSchema.options.map((group) => (
          <CheckboxField key={group} checked={allowed.has(group)} onValue={(on) => toggle(group, on)}>
            {FILE_GROUP_LABELS[group]}
          </CheckboxField>
        ))}
      </fieldset>
      <TextField
        label="Max file size (MB)"
        inputMode="decimal"
        class="file-settings__size"
        value={maxMb}
        placeholder={String(CHANNEL_MB)}
        hint={`Leave empty for the channel's limit (${CHANNEL_MB} MB on the web).`}
        error={form.fieldErrors.maxMb}
        onValue={(value) => {
          setMaxMb(value);
          setSaved(false);
          form.clearField('maxMb');
        }}
      />
      <p class="file-settings__stored">
        Stored now: {stored.storedFiles === 1 ? '1 file' : `${stored.storedFiles} files`},{' '}
        {formatFileSize(stored.storedBytes)}
      </p>
      {form.error && (
        <p class="form-error" role="alert">
          {form.error}
        </p>
      )}
      <div class="file-settings__actions">
        <button class="button button--primary" type="submit" disabled={form.busy}>
          Save
        </button>
        <span class="settings__status" role="status">
          {saved ? 'Saved' : ''}
        </span>
      </div>
    </form>
  );
}

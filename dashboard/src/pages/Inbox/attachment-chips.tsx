import { formatFileSize } from '@livechat/shared/files';
import { CloseIcon, FileIcon } from '../../components/icons.js';
import type { PendingFile } from './use-attachments.js';

interface Props {
  files: readonly PendingFile[];
  onRemove: (key: string) => void;
}

/** The files attached to the reply being written: name, size, upload progress or the refusal, and Remove. */
export function AttachmentChips({ files, onRemove }: Props) {
  if (files.length === 0) return null;
  return (
    <ul class="chips" aria-label="Attached files">
      {files.map((f) => {
        const percent = Math.round(f.progress * 100);
        return (
          <li key={f.key} class={`chip chip--${f.status}`}>
            {f.preview ? (
              <img class="chip__thumb" src={f.preview} alt="" />
            ) : (
              <span class="chip__thumb chip__thumb--file">
                <FileIcon />
              </span>
            )}
            <span class="chip__text">
              <span class="chip__name">{f.name}</span>
              <span class="chip__size">{formatFileSize(f.size)}</span>
              {f.status === 'uploading' && (
                <span
                  class="chip__progress"
                  role="progressbar"
                  aria-label={f.name}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                >
                  <span class="chip__bar" style={{ width: `${percent}%` }} />
                </span>
              )}
              {f.status === 'failed' && (
                <span class="chip__error" role="alert">
                  {f.error}
                </span>
              )}
            </span>
            <button
              type="button"
              class="icon-button chip__remove"
              aria-label={`Remove ${f.name}`}
              title={f.status === 'uploading' ? 'Cancel upload' : 'Remove'}
              onClick={() => onRemove(f.key)}
            >
              <CloseIcon />
            </button>
          </li>
        );
      })}
    </ul>
  );
}

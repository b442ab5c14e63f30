// How one sent file looks, in the timeline and in the Gallery: an image as a thumbnail that opens larger, audio and
// video as players, anything else as a card with name, type and size that downloads. `url` is the server's own path
// (same origin): the session cookie goes with it.
import type { Attachment } from '@livechat/shared/model';
import { formatFileSize } from '@livechat/shared/files';
import { FileIcon } from '../../components/icons.js';

/** "PDF", "DOCX", "ZIP": what a person calls the file's type. */
export function fileTypeLabel({ name, mime }: Pick<Attachment, 'name' | 'mime'>): string {
  if (mime === 'application/pdf') return 'PDF';
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  if (ext && ext.length <= 5) return ext.toUpperCase();
  return mime.split(';')[0] || 'File';
}

export function ImageThumb({ file, onOpen }: { file: Attachment; onOpen: () => void }) {
  return (
    <button type="button" class="att-thumb" aria-label={`Open ${file.name}`} onClick={onOpen}>
      <img class="att-thumb__img" src={file.url} alt={file.name} loading="lazy" decoding="async" />
    </button>
  );
}

export function FileCard({ file }: { file: Attachment }) {
  return (
    <a class="att-card" href={file.url} download={file.name}>
      <span class="att-card__icon">
        <FileIcon />
      </span>
      <span class="att-card__text">
        <span class="att-card__name">{file.name}</span>
        <span class="att-card__meta">
          {fileTypeLabel(file)} · {formatFileSize(file.size)}
        </span>
      </span>
    </a>
  );
}

export function AudioPlayer({ file }: { file: Attachment }) {
  const label = file.voice ? 'Voice message' : file.name;
  return (
    <figure class="att-audio">
      <figcaption class="att-audio__label">{label}</figcaption>
      <audio controls preload="metadata" src={file.url} aria-label={label} />
    </figure>
  );
}

export function VideoPlayer({ file }: { file: Attachment }) {
  return <video class="att-video" controls preload="metadata" src={file.url} aria-label={file.name} />;
}

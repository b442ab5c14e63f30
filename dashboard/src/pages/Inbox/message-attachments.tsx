import type { Attachment } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { Lightbox } from '../../components/lightbox.js';
import { AudioPlayer, FileCard, ImageThumb, VideoPlayer } from './attachment-views.js';

/** The files of one message, in the order they were attached: images first as a row of thumbnails. */
export function MessageAttachments({ attachments }: { attachments: readonly Attachment[] }) {
  const [open, setOpen] = useState<Attachment | null>(null);
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => a.kind === 'image');
  const others = attachments.filter((a) => a.kind !== 'image');
  return (
    <div class="msg__files">
      {images.length > 0 && (
        <ul class="msg__images" aria-label="Images">
          {images.map((a) => (
            <li key={a.id}>
              <ImageThumb file={a} onOpen={() => setOpen(a)} />
            </li>
          ))}
        </ul>
      )}
      {others.map((a) =>
        a.kind === 'audio' ? (
          <AudioPlayer key={a.id} file={a} />
        ) : a.kind === 'video' ? (
          <VideoPlayer key={a.id} file={a} />
        ) : (
          <FileCard key={a.id} file={a} />
        ),
      )}
      {open && <Lightbox url={open.url} name={open.name} onClose={() => setOpen(null)} />}
    </div>
  );
}

import type { GalleryFile } from '@livechat/shared/model';
import { useEffect, useRef, useState } from 'preact/hooks';
import { filesApi } from '../../api/index.js';
import { Lightbox } from '../../components/lightbox.js';
import { RelativeTime } from '../../components/relative-time.js';
import { useLoad } from '../../components/use-load.js';
import { displayName } from '../Sms/display-name.js';
import { AudioPlayer, FileCard, ImageThumb } from './attachment-views.js';

interface Props {
  conversationId: string;
  /** Changes when a message with files arrives: the list is asked for again. */
  version: number;
}

/**
 * Every image and file of the conversation, and of the contact's other conversations the agent may see (the server
 * decides), newest first: images as a grid of thumbnails, the rest as cards, each with who sent it and when.
 */
export function GalleryPanel({ conversationId, version }: Props) {
  const gallery = useLoad(() => filesApi.gallery(conversationId), [conversationId]);
  const [open, setOpen] = useState<GalleryFile | null>(null);
  const shownVersion = useRef(version);

  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    gallery.reload();
  }, [version]);

  if (gallery.state.status === 'loading') return <p class="muted">Loading…</p>;
  if (gallery.state.status === 'error')
    return (
      <p class="form-error" role="alert">
        {gallery.state.message}
      </p>
    );
  const files = gallery.state.data;
  if (files.length === 0) return <p class="muted">No images or files yet.</p>;
  const images = files.filter((f) => f.kind === 'image');
  const others = files.filter((f) => f.kind !== 'image');

  const from = (f: GalleryFile) => (
    <span class="gallery__from">
      {displayName(f.author.name)} · <RelativeTime ts={f.createdAt} />
      {f.conversationId !== conversationId && <span class="gallery__other"> · another conversation</span>}
    </span>
  );

  return (
    <div class="gallery">
      {images.length > 0 && (
        <>
          <h3 class="side__heading">Images</h3>
          <ul class="gallery__grid" aria-label="Images">
            {images.map((f) => (
              <li key={f.id} class="gallery__item">
                <ImageThumb file={f} onOpen={() => setOpen(f)} />
                {from(f)}
              </li>
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <h3 class="side__heading">Files</h3>
          <ul class="gallery__files" aria-label="Files">
            {others.map((f) => (
              <li key={f.id} class="gallery__item">
                {/* Audio plays where it is listed (voice notes above all); the rest downloads. */}
                {f.kind === 'audio' ? <AudioPlayer file={f} /> : <FileCard file={f} />}
                {from(f)}
              </li>
            ))}
          </ul>
        </>
      )}
      {open && <Lightbox url={open.url} name={open.name} onClose={() => setOpen(null)} />}
    </div>
  );
}

// Dragging files onto the composer: a drop zone shows while files are over it, and dropping attaches them. Text or
// links dragged from the page are left to the browser (they go into the text box as usual).
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';

type DragHandler = JSX.DragEventHandler<HTMLElement>;

export interface FileDrop {
  dragging: boolean;
  handlers: {
    onDragEnter: DragHandler;
    onDragOver: DragHandler;
    onDragLeave: DragHandler;
    onDrop: DragHandler;
  };
}

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function useFileDrop(onFiles: (files: File[]) => void, enabled = true): FileDrop {
  const [dragging, setDragging] = useState(false);
  // dragenter and dragleave fire for every child the pointer crosses: count them to know when it left the zone.
  const depth = useRef(0);

  const handlers: FileDrop['handlers'] = {
    onDragEnter: (e) => {
      if (!enabled || !carriesFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setDragging(true);
    },
    onDragOver: (e) => {
      if (!enabled || !carriesFiles(e)) return;
      // Without this the browser refuses the drop (or opens the file in the tab).
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (e) => {
      if (!enabled || !carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (e) => {
      if (!enabled || !carriesFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length > 0) onFiles(files);
    },
  };
  return { dragging, handlers };
}

/** Files pasted into the text box (a screenshot, files copied in the file manager); empty for plain text. */
export function pastedFiles(e: ClipboardEvent): File[] {
  const data = e.clipboardData;
  if (!data) return [];
  const files = Array.from(data.files ?? []);
  if (files.length > 0) return files;
  return Array.from(data.items ?? []).flatMap((item) => {
    const file = item.kind === 'file' ? item.getAsFile() : null;
    return file ? [file] : [];
  });
}

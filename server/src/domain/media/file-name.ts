// File names people uploaded, made safe to show and to send back in a Content-Disposition header: no path, no
// control or direction-changing characters (an "exe.pdf" that reads "fdp.exe"), no reserved device names, a sane
// length, and the extension of what the bytes are (a PNG named "report.pdf" downloads as "report.png").

/** C0/C1 controls and DEL, bidi embeddings, overrides and isolates, marks, and zero-width characters. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Characters Windows, macOS or shells treat specially in names. */
const RESERVED = /[<>:"/\\|?*]/g;
/** Names Windows refuses whatever their extension. */
const DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const MAX_LENGTH = 120;

/**
 * A name safe to show and to store. `ext` (what the bytes are, without a dot) replaces a different extension or is
 * added when there is none.
 */
export function sanitizeFileName(raw: string, ext?: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (DEVICE.test(name)) name = `_${name}`;
  let stem = name;
  let extension = '';
  const dot = name.lastIndexOf('.');
  if (dot > 0) {
    stem = name.slice(0, dot);
    extension = name.slice(dot + 1);
  }
  if (ext !== undefined && extension.toLowerCase() !== ext.toLowerCase()) {
    // A different extension is kept in the stem only when it is not one a system might act on.
    stem = extension && !/^(html?|svg|xml|js|exe|bat|cmd|com|scr|msi|ps1|sh)$/i.test(extension) ? name : stem;
    extension = ext;
  }
  const suffix = extension ? `.${extension}` : '';
  const room = Math.max(1, MAX_LENGTH - suffix.length);
  stem =
    [...(stem || 'file')]
      .slice(0, room)
      .join('')
      .replace(/[\s.]+$/, '') || 'file';
  return stem + suffix;
}

/** RFC 6266 / 5987: an ASCII fallback for old clients and the exact UTF-8 name for the others. */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

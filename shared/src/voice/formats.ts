// Which audio container MediaRecorder should write, and how long a recording reads on a timer.

export interface RecordingFormat {
  mimeType: string;
  /** File extension for uploads and downloads. */
  ext: string;
}

/**
 * Best first: Opus in WebM (Chrome, Edge, Firefox), Opus in Ogg (Firefox), AAC in MP4 (Safari), then WebM with
 * whatever codec the browser picks.
 */
const PREFERRED: readonly (readonly [string, string])[] = [
  ['audio/webm;codecs=opus', 'webm'],
  ['audio/ogg;codecs=opus', 'ogg'],
  ['audio/mp4', 'm4a'],
  ['audio/webm', 'webm'],
];

/** The format to record in, or null when the browser can record none of them (voice notes are then unavailable). */
export function pickRecordingFormat(isTypeSupported: (mime: string) => boolean): RecordingFormat | null {
  for (const [mimeType, ext] of PREFERRED) {
    try {
      if (isTypeSupported(mimeType)) return { mimeType, ext };
    } catch {
      // A browser that throws on a MIME type it does not know cannot record it either.
    }
  }
  return null;
}

/** The extension for a recorder's actual MIME type (which may carry codec parameters the preference list lacks). */
export function recordingExtension(mimeType: string): string {
  const base = mimeType.split(';')[0]!.trim().toLowerCase();
  return base === 'audio/mp4' || base === 'video/mp4' ? 'm4a' : base === 'audio/ogg' ? 'ogg' : 'webm';
}

/** A timer reading: whole seconds, rounded down, as m:ss ("0:07", "1:05", "12:00"). */
export function formatDuration(ms: number): string {
  const seconds = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

// A framework-free voice-note recorder: a small state machine over getUserMedia + MediaRecorder that the widget and
// the dashboard both drive. It never throws at its caller: a method called in the wrong state does nothing, and every
// failure becomes an `error` state with a sentence the UI can show as it is.
import { pickRecordingFormat, recordingExtension } from './formats.js';

export type RecorderErrorReason = 'permission-denied' | 'no-microphone' | 'unsupported' | 'recorder-failed';

export interface VoiceRecording {
  blob: Blob;
  /** The recorder's actual MIME type (also the blob's type), e.g. "audio/webm;codecs=opus". */
  mimeType: string;
  ext: string;
  /** Time recorded, pauses excluded. */
  durationMs: number;
  /** An object URL to listen back; revoked by discard(). Absent where object URLs are not available. */
  url?: string;
}

export type RecorderState =
  | { status: 'idle' }
  | { status: 'requesting' }
  | { status: 'recording' }
  | { status: 'paused' }
  | { status: 'stopped'; recording: VoiceRecording; limitReached: boolean }
  | { status: 'error'; reason: RecorderErrorReason; message: string };

export interface VoiceRecorderOptions {
  /** Asks for the microphone, e.g. `() => navigator.mediaDevices.getUserMedia({ audio: true })`. */
  getUserMedia: () => Promise<MediaStream>;
  /** `globalThis.MediaRecorder`; undefined in browsers without it. */
  MediaRecorder: typeof MediaRecorder | undefined;
  /** Recording stops by itself at this length (pauses excluded), with `limitReached: true`. */
  maxDurationMs: number;
  now?: () => number;
  onChange: (state: RecorderState) => void;
}

export interface VoiceRecorder {
  /** From idle or error: asks for the microphone and starts recording. Resolves once recording or failed. */
  start(): Promise<void>;
  pause(): void;
  resume(): void;
  /** Finishes the recording; the `stopped` state carries it. */
  stop(): void;
  /** Drops whatever there is (a recording, one in progress, a pending microphone request, an error): back to idle. */
  discard(): void;
  /** Time recorded so far, pauses excluded: the visible timer. */
  elapsedMs(): number;
  state(): RecorderState;
}

const FAILED = 'The recording failed. Please try again.';
const MESSAGES: Record<RecorderErrorReason, string> = {
  'permission-denied': 'Allow the microphone to record a voice message.',
  'no-microphone': 'No microphone was found.',
  unsupported: 'Voice messages are not supported in this browser.',
  'recorder-failed': FAILED,
};

/** getUserMedia's DOMException names (with the legacy Chrome ones) as the reason the UI explains. */
const MEDIA_ERRORS: Record<string, RecorderErrorReason> = {
  NotAllowedError: 'permission-denied',
  PermissionDeniedError: 'permission-denied',
  SecurityError: 'permission-denied',
  NotFoundError: 'no-microphone',
  DevicesNotFoundError: 'no-microphone',
  OverconstrainedError: 'no-microphone',
  // navigator.mediaDevices is missing outside a secure context, so calling it is a TypeError.
  TypeError: 'unsupported',
};
const BUSY = 'The microphone could not be started. Is another app using it?';

export function createVoiceRecorder(options: VoiceRecorderOptions): VoiceRecorder {
  const now = options.now ?? (() => performance.now());
  const max = options.maxDurationMs;
  let current: RecorderState = { status: 'idle' };
  // Bumped by every start and discard: a microphone grant or recorder event from an abandoned attempt is ignored.
  let attempt = 0;
  let stream: MediaStream | undefined;
  let recorder: MediaRecorder | undefined;
  let chunks: Blob[] = [];
  let stopping = false;
  let limitReached = false;
  /** Recorded before the current run; a run is the time since the last start or resume. */
  let recordedMs = 0;
  let runStartedAt: number | undefined;
  let limitTimer: ReturnType<typeof setTimeout> | undefined;

  const set = (next: RecorderState) => {
    current = next;
    options.onChange(next);
  };

  const elapsedMs = () => Math.min(max, recordedMs + (runStartedAt === undefined ? 0 : now() - runStartedAt));

  /** Runs or freezes the timer, and with it the limit. */
  const clock = (run: boolean) => {
    recordedMs = elapsedMs();
    runStartedAt = run ? now() : undefined;
    clearTimeout(limitTimer);
    if (run) limitTimer = setTimeout(() => finishRecording(true), max - recordedMs);
  };

  /** Stops the recorder and lets go of the microphone, so the browser's recording indicator goes away. */
  const release = () => {
    if (recorder && recorder.state !== 'inactive') {
      try {
        recorder.stop();
      } catch {
        // Already stopping.
      }
    }
    clearTimeout(limitTimer);
    runStartedAt = undefined;
    stream?.getTracks().forEach((track) => track.stop());
    stream = recorder = undefined;
    chunks = [];
  };

  const fail = (reason: RecorderErrorReason, message = MESSAGES[reason]) => {
    release();
    recordedMs = 0;
    set({ status: 'error', reason, message });
  };

  const finishRecording = (limit: boolean) => {
    if ((current.status !== 'recording' && current.status !== 'paused') || stopping) return;
    stopping = true;
    limitReached = limit;
    clock(false);
    try {
      // The last chunk, then the recorder's stop event, follow: onStop builds the recording.
      recorder!.stop();
    } catch {
      fail('recorder-failed');
    }
  };

  /** The recorder's stop event: after stop(), or by itself when the microphone goes away mid-recording. */
  const onStop = (id: number, fallbackType: string) => {
    if (id !== attempt || (current.status !== 'recording' && current.status !== 'paused')) return;
    clock(false);
    const mimeType = recorder?.mimeType || chunks[0]?.type || fallbackType;
    const blob = new Blob(chunks, { type: mimeType });
    const durationMs = recordedMs;
    release();
    if (!blob.size) return fail('recorder-failed');
    const recording: VoiceRecording = { blob, mimeType, ext: recordingExtension(mimeType), durationMs };
    if (typeof URL.createObjectURL === 'function') recording.url = URL.createObjectURL(blob);
    set({ status: 'stopped', recording, limitReached });
  };

  const start = async () => {
    if (current.status !== 'idle' && current.status !== 'error') return;
    const id = ++attempt;
    recordedMs = 0;
    stopping = limitReached = false;
    const Recorder = options.MediaRecorder;
    const format =
      typeof Recorder?.isTypeSupported === 'function'
        ? pickRecordingFormat((mime) => Recorder.isTypeSupported(mime))
        : null;
    // No point asking for the microphone when nothing can be recorded.
    if (!Recorder || !format) return fail('unsupported');
    set({ status: 'requesting' });
    let media: MediaStream;
    try {
      media = await options.getUserMedia();
    } catch (error) {
      if (id !== attempt) return;
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'NotReadableError' || name === 'AbortError') return fail('recorder-failed', BUSY);
      return fail((typeof name === 'string' && MEDIA_ERRORS[name]) || 'recorder-failed');
    }
    // Discarded while the browser was asking: give the microphone straight back.
    if (id !== attempt) return media.getTracks().forEach((track) => track.stop());
    stream = media;
    try {
      recorder = new Recorder(media, { mimeType: format.mimeType });
      recorder.ondataavailable = (event) => {
        if (id === attempt && event.data.size) chunks.push(event.data);
      };
      recorder.onstop = () => onStop(id, format.mimeType);
      recorder.onerror = () => {
        if (id === attempt) fail('recorder-failed');
      };
      recorder.start();
    } catch {
      return fail('recorder-failed');
    }
    clock(true);
    set({ status: 'recording' });
  };

  return {
    start,
    pause() {
      if (current.status !== 'recording' || stopping) return;
      try {
        recorder!.pause();
      } catch {
        return;
      }
      clock(false);
      set({ status: 'paused' });
    },
    resume() {
      if (current.status !== 'paused' || stopping) return;
      try {
        recorder!.resume();
      } catch {
        return;
      }
      clock(true);
      set({ status: 'recording' });
    },
    stop: () => finishRecording(false),
    discard() {
      if (current.status === 'idle') return;
      attempt++;
      if (current.status === 'stopped' && current.recording.url) URL.revokeObjectURL(current.recording.url);
      // The abandoned attempt's late events (the recorder's stop, a microphone grant) are ignored.
      release();
      recordedMs = 0;
      set({ status: 'idle' });
    },
    elapsedMs,
    state: () => current,
  };
}

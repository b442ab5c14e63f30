// A voice note in the composer: the shared recorder (microphone, pause and resume, a 5-minute limit), a timer that
// ticks while recording, and sending: the recording uploads as a voice note, then goes out as a message of its own.
import { createClientId } from '@livechat/shared/client';
import { UploadError, uploadFile, type UploadHandle } from '@livechat/shared/files';
import type { Attachment } from '@livechat/shared/model';
import { createVoiceRecorder, type RecorderState, type VoiceRecorder } from '@livechat/shared/voice';
import { useEffect, useRef, useState } from 'preact/hooks';
import { agentUploadUrl } from '../../api/index.js';

/** Recording stops by itself at this length. */
export const VOICE_MAX_MS = 5 * 60_000;
const TICK_MS = 250;

export interface VoiceNote {
  state: RecorderState;
  /** Recorded so far, pauses excluded. */
  elapsedMs: number;
  start: () => void;
  pause: () => void;
  resume: () => void;
  stop: () => void;
  /** Drops the recording (or the one in progress) and lets go of the microphone. */
  discard: () => void;
  /** Uploads the stopped recording, then hands it to `onSend`. */
  send: () => void;
  /** Upload progress 0..1 while sending, else null. */
  sending: number | null;
  /** The server refused the recording (a channel that cannot carry voice notes, too large…). */
  error: string | null;
}

export function useVoiceNote(conversationId: string, onSend: (attachment: Attachment) => boolean): VoiceNote {
  const [state, setState] = useState<RecorderState>({ status: 'idle' });
  const [elapsedMs, setElapsed] = useState(0);
  const [sending, setSending] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useRef<UploadHandle | null>(null);
  const recorder = useRef<VoiceRecorder | null>(null);
  recorder.current ??= createVoiceRecorder({
    // navigator.mediaDevices is missing outside a secure context: the recorder reads that TypeError as unsupported.
    getUserMedia: () => navigator.mediaDevices.getUserMedia({ audio: true }),
    MediaRecorder: globalThis.MediaRecorder,
    maxDurationMs: VOICE_MAX_MS,
    onChange: (next) => {
      setState(next);
      setElapsed(recorder.current!.elapsedMs());
    },
  });
  const rec = recorder.current;

  useEffect(() => {
    if (state.status !== 'recording') return;
    const timer = setInterval(() => setElapsed(rec.elapsedMs()), TICK_MS);
    return () => clearInterval(timer);
  }, [state.status, rec]);

  // Leaving the conversation: the microphone is released and an upload in flight stops.
  useEffect(
    () => () => {
      upload.current?.cancel();
      rec.discard();
    },
    [rec],
  );

  const send = () => {
    if (state.status !== 'stopped' || upload.current) return;
    const { recording } = state;
    setError(null);
    setSending(0);
    const handle = uploadFile({
      url: agentUploadUrl(conversationId),
      file: recording.blob,
      name: `voice-message.${recording.ext}`,
      uploadId: createClientId(),
      voice: true,
      withCredentials: true,
      onProgress: setSending,
    });
    upload.current = handle;
    handle.done.then(
      (attachment) => {
        if (upload.current !== handle) return;
        upload.current = null;
        setSending(null);
        if (onSend(attachment)) rec.discard();
      },
      (failure: unknown) => {
        // Cancelled by Delete recording (or leaving the conversation): nothing to say.
        if (upload.current !== handle) return;
        upload.current = null;
        setSending(null);
        if (failure instanceof UploadError && failure.code === 'cancelled') return;
        setError(failure instanceof Error ? failure.message : 'The voice message could not be sent.');
      },
    );
  };

  return {
    state,
    elapsedMs,
    start: () => {
      setError(null);
      void rec.start();
    },
    pause: () => rec.pause(),
    resume: () => rec.resume(),
    stop: () => rec.stop(),
    discard: () => {
      upload.current?.cancel();
      upload.current = null;
      setSending(null);
      setError(null);
      rec.discard();
    },
    send,
    sending,
    error,
  };
}

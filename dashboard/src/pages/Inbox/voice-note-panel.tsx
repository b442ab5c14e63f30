import { formatDuration } from '@livechat/shared/voice';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { VOICE_MAX_MS, type VoiceNote } from './use-voice-note.js';

/** In place of the text box while a voice note is recorded, then listened to before sending (or deleted). */
export function VoiceNotePanel({ voice }: { voice: VoiceNote }) {
  const { state } = voice;
  const stopButton = useRef<HTMLButtonElement>(null);
  const sendButton = useRef<HTMLButtonElement>(null);

  // The button that started it is gone: focus moves to the next thing to do.
  useLayoutEffect(() => {
    if (state.status === 'recording') stopButton.current?.focus();
    if (state.status === 'stopped') sendButton.current?.focus();
  }, [state.status]);

  const remove = (
    <button type="button" class="button button--ghost" onClick={voice.discard}>
      Delete recording
    </button>
  );

  if (state.status === 'requesting') {
    return (
      <div class="voice" role="group" aria-label="Voice message">
        <p class="voice__state" role="status">
          Waiting for the microphone…
        </p>
        {remove}
      </div>
    );
  }

  if (state.status === 'recording' || state.status === 'paused') {
    const paused = state.status === 'paused';
    return (
      <div class="voice" role="group" aria-label="Voice message">
        <span class={`voice__dot${paused ? ' voice__dot--paused' : ''}`} aria-hidden="true" />
        <span class="voice__state">{paused ? 'Paused' : 'Recording'}</span>
        <span class="voice__timer">
          <span role="timer" aria-label="Recording time">
            {formatDuration(voice.elapsedMs)}
          </span>{' '}
          <span class="muted">/ {formatDuration(VOICE_MAX_MS)}</span>
        </span>
        <span class="voice__actions">
          {paused ? (
            <button type="button" class="button" onClick={voice.resume}>
              Resume recording
            </button>
          ) : (
            <button type="button" class="button" onClick={voice.pause}>
              Pause recording
            </button>
          )}
          <button type="button" class="button" ref={stopButton} onClick={voice.stop}>
            Stop recording
          </button>
          {remove}
        </span>
      </div>
    );
  }

  if (state.status !== 'stopped') return null;
  const { recording, limitReached } = state;
  const percent = voice.sending === null ? null : Math.round(voice.sending * 100);
  return (
    <div class="voice voice--review" role="group" aria-label="Voice message">
      <audio class="voice__audio" controls src={recording.url} aria-label="Recorded voice message" />
      <span class="voice__timer">{formatDuration(recording.durationMs)}</span>
      {limitReached && (
        <p class="voice__note">The recording stopped at the {formatDuration(VOICE_MAX_MS)} limit.</p>
      )}
      {voice.error && (
        <p class="form-error voice__error" role="alert">
          {voice.error}
        </p>
      )}
      {percent !== null && (
        <span
          class="chip__progress voice__progress"
          role="progressbar"
          aria-label="Sending voice message"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <span class="chip__bar" style={{ width: `${percent}%` }} />
        </span>
      )}
      <span class="voice__actions">
        {remove}
        <button
          type="button"
          class="button button--primary"
          ref={sendButton}
          disabled={percent !== null}
          onClick={voice.send}
        >
          Send
        </button>
      </span>
    </div>
  );
}

// The "voice" chunk: records a voice message from the microphone (timer, pause and resume, a longest length), lets
// the visitor listen back, and sends it as an audio file (uploaded with voice=1) on a message of its own.
import { Component, type JSX } from 'preact';
import { createClientId } from '@livechat/shared/client';
import type { UploadError, UploadHandle } from '@livechat/shared/files';
import { createVoiceRecorder, formatDuration, type RecorderState } from '@livechat/shared/voice';
import { CloseIcon, LineIcon, SendIcon } from '../ui/icons.js';
import type { VoiceProps } from '../ui/media.js';
import { upload } from './file-requests.js';
import { addStyle, stringsFor } from './kit.js';
import { VOICE_CSS } from './voice-style.js';
import { VOICE_STRINGS } from './voice-strings.js';

const PAUSE = 'M9 6v12M15 6v12';
const RESUME = 'M12 7a5 5 0 1 1 0 10 5 5 0 0 1 0-10z';
const STOP = 'M7 7h10v10H7z';
const TRASH = 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3';

/** The longest voice message: the recording stops by itself there. */
export const MAX_VOICE_MS = 5 * 60_000;

interface State {
  rec: RecorderState;
  /** Time recorded, pauses excluded. */
  ms: number;
  /** 0..1 while sending. */
  progress?: number;
  error?: string;
}

/** Starts recording when it appears (the visitor pressed "Record voice message"); unmounting drops everything. */
export class VoiceRecorder extends Component<VoiceProps, State> {
  override state: State = { rec: { status: 'idle' }, ms: 0 };
  private recorder = createVoiceRecorder({
    getUserMedia: () => navigator.mediaDevices.getUserMedia({ audio: true }),
    MediaRecorder: globalThis.MediaRecorder,
    maxDurationMs: MAX_VOICE_MS,
    onChange: (rec) => this.setState({ rec, ms: this.recorder.elapsedMs() }),
  });
  private timer: ReturnType<typeof setInterval> | undefined;
  private sending: UploadHandle | undefined;
  /** One id for this recording: sending it again after a failure never stores it twice. */
  private uploadId = createClientId();

  override componentDidMount(): void {
    addStyle(this.base, VOICE_CSS);
    void this.recorder.start();
    this.timer = setInterval(() => this.setState({ ms: this.recorder.elapsedMs() }), 250);
  }

  override componentWillUnmount(): void {
    clearInterval(this.timer);
    this.sending?.cancel();
    this.recorder.discard();
  }

  private send = (): void => {
    const { rec } = this.state;
    if (rec.status !== 'stopped' || this.sending) return;
    const { session, onDone } = this.props;
    const t = stringsFor(VOICE_STRINGS, session);
    this.setState({ progress: 0, error: undefined });
    const sending = (this.sending = upload(session, {
      file: rec.recording.blob,
      name: `voice-message.${rec.recording.ext}`,
      uploadId: this.uploadId,
      voice: true,
      onProgress: (progress) => this.setState({ progress }),
    }));
    sending.done.then(
      (file) => {
        session.send('', [file]);
        onDone();
      },
      (error: UploadError) => {
        this.sending = undefined;
        if (error.code !== 'cancelled')
          this.setState({ progress: undefined, error: error.code === 'network' ? t.network : error.message });
      },
    );
  };

  override render({ session, onDone }: VoiceProps, { rec, ms, progress, error }: State) {
    const t = stringsFor(VOICE_STRINGS, session);
    const button = (label: string, icon: JSX.Element, onClick: () => void) => (
      <button class="tool" type="button" aria-label={label} title={label} onClick={onClick}>
        {icon}
      </button>
    );
    const remove = button(t.remove, <LineIcon d={TRASH} />, onDone);
    if (rec.status === 'error')
      return (
        <div class="voice" role="group" aria-label={t.title}>
          <p class="error" role="alert">
            {t.errors[rec.reason]}
          </p>
          {button(t.close, <CloseIcon />, onDone)}
        </div>
      );
    if (rec.status !== 'stopped') {
      const paused = rec.status === 'paused';
      return (
        <div class="voice" role="group" aria-label={t.title}>
          <span class={paused ? 'timer paused' : 'timer'} role="timer">
            <span class="rec" />
            {formatDuration(ms)} / {formatDuration(MAX_VOICE_MS)}
          </span>
          {paused
            ? button(t.resume, <LineIcon d={RESUME} />, () => this.recorder.resume())
            : button(t.pause, <LineIcon d={PAUSE} />, () => this.recorder.pause())}
          {button(t.stop, <LineIcon d={STOP} />, () => this.recorder.stop())}
          {remove}
        </div>
      );
    }
    return (
      <div class="voice" role="group" aria-label={t.title}>
        <audio controls src={rec.recording.url} />
        {remove}
        <button
          class="send"
          type="button"
          aria-label={t.send}
          disabled={progress !== undefined}
          onClick={this.send}
        >
          <SendIcon />
        </button>
        {rec.limitReached && <p class="count">{t.limit(formatDuration(MAX_VOICE_MS))}</p>}
        {progress !== undefined && <progress aria-label={t.title} max={1} value={progress} />}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
}

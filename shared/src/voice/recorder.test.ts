import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVoiceRecorder, type RecorderState, type VoiceRecorder } from './recorder.js';

// Fakes of the browser's microphone stream and MediaRecorder. The recorder's events are driven by the tests, as the
// browser would fire them: dataavailable then stop, some time after stop().

class FakeTrack {
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

class FakeStream {
  readonly tracks = [new FakeTrack()];
  getTracks() {
    return this.tracks;
  }
  get stopped() {
    return this.tracks.every((track) => track.stopped);
  }
}

interface FakeRecorder {
  state: RecordingState;
  mimeType: string;
  stream: FakeStream;
  calls: string[];
  ondataavailable: ((event: { data: Blob }) => void) | null;
  onstop: (() => void) | null;
  onerror: (() => void) | null;
  pause(): void;
  /** What the browser does after stop(): the last chunk, then the stop event. */
  finish(data?: string): void;
}

interface Setup {
  recorder: VoiceRecorder;
  states: RecorderState[];
  streams: FakeStream[];
  recorders: FakeRecorder[];
  getUserMedia: ReturnType<typeof vi.fn<() => Promise<MediaStream>>>;
  last(): FakeRecorder;
  status(): RecorderState['status'];
}

function setup(
  options: {
    supported?: string[];
    /** The type the recorder reports, as browsers may add codec parameters to the one asked for. */
    actualMimeType?: string;
    getUserMedia?: () => Promise<MediaStream>;
    throwOnConstruct?: boolean;
    maxDurationMs?: number;
  } = {},
): Setup {
  const streams: FakeStream[] = [];
  const recorders: FakeRecorder[] = [];
  const supported = options.supported ?? ['audio/webm;codecs=opus', 'audio/webm'];

  class FakeMediaRecorder implements FakeRecorder {
    static isTypeSupported(mime: string) {
      return supported.includes(mime);
    }
    state: RecordingState = 'inactive';
    mimeType: string;
    calls: string[] = [];
    ondataavailable: ((event: { data: Blob }) => void) | null = null;
    onstop: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(
      readonly stream: FakeStream,
      recorderOptions?: MediaRecorderOptions,
    ) {
      if (options.throwOnConstruct) throw new DOMException('no', 'NotSupportedError');
      this.mimeType = options.actualMimeType ?? recorderOptions?.mimeType ?? '';
      recorders.push(this);
    }
    private transition(name: string, from: RecordingState[], to: RecordingState) {
      if (!from.includes(this.state))
        throw new DOMException(`${name} while ${this.state}`, 'InvalidStateError');
      this.calls.push(name);
      this.state = to;
    }
    start() {
      this.transition('start', ['inactive'], 'recording');
    }
    pause() {
      this.transition('pause', ['recording', 'paused'], 'paused');
    }
    resume() {
      this.transition('resume', ['recording', 'paused'], 'recording');
    }
    stop() {
      this.transition('stop', ['recording', 'paused'], 'inactive');
    }
    finish(data = 'opus-bytes') {
      this.state = 'inactive';
      if (data) this.ondataavailable?.({ data: new Blob([data]) });
      this.onstop?.();
    }
  }

  const getUserMedia = vi.fn(
    options.getUserMedia ??
      (async () => {
        const stream = new FakeStream();
        streams.push(stream);
        return stream as unknown as MediaStream;
      }),
  );
  const states: RecorderState[] = [];
  const recorder = createVoiceRecorder({
    getUserMedia,
    MediaRecorder: FakeMediaRecorder as unknown as typeof MediaRecorder,
    maxDurationMs: options.maxDurationMs ?? 300_000,
    now: () => Date.now(),
    onChange: (state) => states.push(state),
  });
  return {
    recorder,
    states,
    streams,
    recorders,
    getUserMedia,
    last: () => recorders.at(-1)!,
    status: () => recorder.state().status,
  };
}

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createVoiceRecorder', () => {
  it('goes idle -> requesting -> recording -> paused -> recording -> stopped, with a blob ready to play', async () => {
    const t = setup();
    expect(t.status()).toBe('idle');
    const started = t.recorder.start();
    expect(t.status()).toBe('requesting');
    await started;
    expect(t.status()).toBe('recording');
    expect(t.last().calls).toEqual(['start']);

    vi.advanceTimersByTime(1000);
    t.recorder.pause();
    expect(t.status()).toBe('paused');
    vi.advanceTimersByTime(1000);
    t.recorder.resume();
    expect(t.status()).toBe('recording');
    vi.advanceTimersByTime(500);
    t.recorder.stop();
    expect(t.last().calls).toEqual(['start', 'pause', 'resume', 'stop']);
    // Still recording until the browser hands over the last chunk.
    expect(t.status()).toBe('recording');
    expect(t.streams[0]!.stopped).toBe(false);

    t.last().ondataavailable!({ data: new Blob(['first-']) });
    t.last().finish('second');
    const state = t.recorder.state();
    expect(t.states.map((s) => s.status)).toEqual([
      'requesting',
      'recording',
      'paused',
      'recording',
      'stopped',
    ]);
    if (state.status !== 'stopped') throw new Error('not stopped');
    expect(state.limitReached).toBe(false);
    expect(state.recording.durationMs).toBe(1500);
    expect(state.recording.mimeType).toBe('audio/webm;codecs=opus');
    expect(state.recording.ext).toBe('webm');
    expect(state.recording.blob.type).toBe('audio/webm;codecs=opus');
    expect(await state.recording.blob.text()).toBe('first-second');
    expect(state.recording.url).toMatch(/^blob:/);
    expect(t.streams[0]!.stopped).toBe(true);
  });

  it('stops from paused', async () => {
    const t = setup();
    await t.recorder.start();
    vi.advanceTimersByTime(700);
    t.recorder.pause();
    t.recorder.stop();
    t.last().finish();
    const state = t.recorder.state();
    expect(state.status === 'stopped' && state.recording.durationMs).toBe(700);
    expect(t.streams[0]!.stopped).toBe(true);
  });

  it('excludes paused time from the elapsed timer', async () => {
    const t = setup();
    expect(t.recorder.elapsedMs()).toBe(0);
    await t.recorder.start();
    vi.advanceTimersByTime(2000);
    expect(t.recorder.elapsedMs()).toBe(2000);
    t.recorder.pause();
    vi.advanceTimersByTime(10_000);
    expect(t.recorder.elapsedMs()).toBe(2000);
    t.recorder.resume();
    vi.advanceTimersByTime(3000);
    expect(t.recorder.elapsedMs()).toBe(5000);
    t.recorder.stop();
    vi.advanceTimersByTime(50);
    // The timer freezes at stop(), not at the browser's stop event.
    t.last().finish();
    expect(t.recorder.elapsedMs()).toBe(5000);
    t.recorder.discard();
    expect(t.recorder.elapsedMs()).toBe(0);
  });

  it('stops by itself at the limit, counting recording time only, and says so', async () => {
    const t = setup({ maxDurationMs: 5000 });
    await t.recorder.start();
    vi.advanceTimersByTime(3000);
    t.recorder.pause();
    vi.advanceTimersByTime(60_000);
    expect(t.last().calls).toEqual(['start', 'pause']);
    t.recorder.resume();
    vi.advanceTimersByTime(1999);
    expect(t.last().calls).toEqual(['start', 'pause', 'resume']);
    vi.advanceTimersByTime(1);
    expect(t.last().calls).toEqual(['start', 'pause', 'resume', 'stop']);
    expect(t.recorder.elapsedMs()).toBe(5000);
    t.last().finish();
    const state = t.recorder.state();
    if (state.status !== 'stopped') throw new Error('not stopped');
    expect(state.limitReached).toBe(true);
    expect(state.recording.durationMs).toBe(5000);
    expect(t.streams[0]!.stopped).toBe(true);
  });

  it('uses the recorder’s actual MIME type for the blob', async () => {
    const t = setup({ supported: ['audio/mp4'], actualMimeType: 'audio/mp4;codecs=mp4a.40.2' });
    await t.recorder.start();
    t.recorder.stop();
    t.last().finish();
    const state = t.recorder.state();
    if (state.status !== 'stopped') throw new Error('not stopped');
    expect(state.recording.blob.type).toBe('audio/mp4;codecs=mp4a.40.2');
    expect(state.recording.mimeType).toBe('audio/mp4;codecs=mp4a.40.2');
    expect(state.recording.ext).toBe('m4a');
  });

  it('asks the browser for the picked format, falling back to it when the recorder reports none', async () => {
    const t = setup({ supported: ['audio/ogg;codecs=opus'], actualMimeType: '' });
    await t.recorder.start();
    t.recorder.stop();
    t.last().ondataavailable!({ data: new Blob(['x']) });
    t.last().finish('');
    const state = t.recorder.state();
    expect(state.status === 'stopped' && state.recording.blob.type).toBe('audio/ogg;codecs=opus');
  });

  it('discards a recording (revoking its URL) and records again', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const t = setup();
    await t.recorder.start();
    t.recorder.stop();
    t.last().finish();
    const state = t.recorder.state();
    const url = state.status === 'stopped' ? state.recording.url : undefined;
    t.recorder.discard();
    expect(t.status()).toBe('idle');
    expect(revoke).toHaveBeenCalledWith(url);
    await t.recorder.start();
    expect(t.status()).toBe('recording');
    expect(t.recorders).toHaveLength(2);
    expect(t.streams[1]!.stopped).toBe(false);
  });

  it.each(['recording', 'paused'] as const)(
    'discards while %s: microphone released, late recorder events ignored',
    async (when) => {
      const t = setup();
      await t.recorder.start();
      if (when === 'paused') t.recorder.pause();
      t.recorder.discard();
      expect(t.status()).toBe('idle');
      expect(t.last().state).toBe('inactive');
      expect(t.streams[0]!.stopped).toBe(true);
      const seen = t.states.length;
      t.last().finish();
      expect(t.states).toHaveLength(seen);
      expect(t.status()).toBe('idle');
    },
  );

  it('discards while stopping: the recording that arrives afterwards is dropped', async () => {
    const t = setup();
    await t.recorder.start();
    t.recorder.stop();
    t.recorder.discard();
    t.last().finish();
    expect(t.status()).toBe('idle');
    expect(t.streams[0]!.stopped).toBe(true);
  });

  it('discards while asking for the microphone, and gives a late grant straight back', async () => {
    let grant!: (stream: MediaStream) => void;
    const t = setup({ getUserMedia: () => new Promise((resolve) => (grant = resolve)) });
    const started = t.recorder.start();
    expect(t.status()).toBe('requesting');
    t.recorder.discard();
    expect(t.status()).toBe('idle');
    const stream = new FakeStream();
    grant(stream as unknown as MediaStream);
    await started;
    expect(t.status()).toBe('idle');
    expect(stream.stopped).toBe(true);
    expect(t.recorders).toHaveLength(0);
  });

  it('ignores a late refusal from an abandoned request', async () => {
    let refuse!: (error: unknown) => void;
    const t = setup({ getUserMedia: () => new Promise((_, reject) => (refuse = reject)) });
    const started = t.recorder.start();
    t.recorder.discard();
    refuse(new DOMException('denied', 'NotAllowedError'));
    await started;
    expect(t.status()).toBe('idle');
  });

  it.each([
    ['NotAllowedError', 'permission-denied', 'Allow the microphone to record a voice message.'],
    ['SecurityError', 'permission-denied', 'Allow the microphone to record a voice message.'],
    ['NotFoundError', 'no-microphone', 'No microphone was found.'],
    ['OverconstrainedError', 'no-microphone', 'No microphone was found.'],
    ['NotReadableError', 'recorder-failed', 'The microphone could not be started. Is another app using it?'],
    ['SomethingElse', 'recorder-failed', 'The recording failed. Please try again.'],
  ])('explains a %s from getUserMedia', async (name, reason, message) => {
    const t = setup({ getUserMedia: () => Promise.reject(new DOMException('no', name)) });
    await t.recorder.start();
    expect(t.recorder.state()).toEqual({ status: 'error', reason, message });
    expect(t.states.map((s) => s.status)).toEqual(['requesting', 'error']);
  });

  it('calls a browser without navigator.mediaDevices (insecure page) unsupported', async () => {
    const t = setup({
      getUserMedia: () => (undefined as unknown as MediaDevices).getUserMedia({ audio: true }),
    });
    await t.recorder.start();
    expect(t.recorder.state()).toMatchObject({ status: 'error', reason: 'unsupported' });
  });

  it('calls a browser without MediaRecorder, or without a format it can record, unsupported without asking', async () => {
    const getUserMedia = vi.fn(() => Promise.resolve(new FakeStream() as unknown as MediaStream));
    const onChange = vi.fn();
    const recorder = createVoiceRecorder({
      getUserMedia,
      MediaRecorder: undefined,
      maxDurationMs: 1000,
      onChange,
    });
    await recorder.start();
    expect(recorder.state()).toEqual({
      status: 'error',
      reason: 'unsupported',
      message: 'Voice messages are not supported in this browser.',
    });
    expect(onChange).toHaveBeenCalledTimes(1);

    const t = setup({ supported: [] });
    await t.recorder.start();
    expect(t.recorder.state()).toMatchObject({ status: 'error', reason: 'unsupported' });
    expect(t.getUserMedia).not.toHaveBeenCalled();
    expect(getUserMedia).not.toHaveBeenCalled();
  });

  it('fails (releasing the microphone) when the recorder cannot be created', async () => {
    const t = setup({ throwOnConstruct: true });
    await t.recorder.start();
    expect(t.recorder.state()).toMatchObject({ status: 'error', reason: 'recorder-failed' });
    expect(t.streams[0]!.stopped).toBe(true);
  });

  it('fails (releasing the microphone) on a recorder error mid-recording, and ignores the stop after it', async () => {
    const t = setup();
    await t.recorder.start();
    t.last().onerror!();
    expect(t.recorder.state()).toMatchObject({ status: 'error', reason: 'recorder-failed' });
    expect(t.streams[0]!.stopped).toBe(true);
    expect(t.last().state).toBe('inactive');
    const seen = t.states.length;
    t.last().finish();
    expect(t.states).toHaveLength(seen);
    expect(t.recorder.elapsedMs()).toBe(0);
  });

  it('fails when nothing was recorded', async () => {
    const t = setup();
    await t.recorder.start();
    t.recorder.stop();
    t.last().finish('');
    expect(t.recorder.state()).toMatchObject({ status: 'error', reason: 'recorder-failed' });
    expect(t.streams[0]!.stopped).toBe(true);
  });

  it('keeps what was recorded when the microphone goes away mid-recording', async () => {
    const t = setup();
    await t.recorder.start();
    vi.advanceTimersByTime(1200);
    // The browser stops the recorder itself when its only track ends.
    t.last().finish();
    const state = t.recorder.state();
    if (state.status !== 'stopped') throw new Error('not stopped');
    expect(state.recording.durationMs).toBe(1200);
    expect(state.limitReached).toBe(false);
    expect(t.streams[0]!.stopped).toBe(true);
  });

  it('tries again from an error', async () => {
    let calls = 0;
    const t = setup({
      getUserMedia: async () => {
        if (++calls === 1) throw new DOMException('denied', 'NotAllowedError');
        return new FakeStream() as unknown as MediaStream;
      },
    });
    await t.recorder.start();
    expect(t.status()).toBe('error');
    await t.recorder.start();
    expect(t.status()).toBe('recording');
    t.recorder.discard();
    expect(t.status()).toBe('idle');
  });

  it('does nothing when a method is called in the wrong state', async () => {
    const t = setup();
    const all = (r: VoiceRecorder) => {
      r.pause();
      r.resume();
      r.stop();
    };
    // Idle.
    all(t.recorder);
    t.recorder.discard();
    expect(t.states).toEqual([]);

    // Requesting.
    let grant!: (stream: MediaStream) => void;
    const slow = setup({ getUserMedia: () => new Promise((resolve) => (grant = resolve)) });
    const started = slow.recorder.start();
    all(slow.recorder);
    await slow.recorder.start();
    expect(slow.states.map((s) => s.status)).toEqual(['requesting']);
    grant(new FakeStream() as unknown as MediaStream);
    await started;
    await tick();
    expect(slow.recorders).toHaveLength(1);

    // Recording: start and resume do nothing.
    await t.recorder.start();
    await t.recorder.start();
    t.recorder.resume();
    expect(t.states.map((s) => s.status)).toEqual(['requesting', 'recording']);
    expect(t.recorders).toHaveLength(1);

    // Paused: pause again does nothing.
    t.recorder.pause();
    t.recorder.pause();
    expect(t.last().calls).toEqual(['start', 'pause']);

    // Stopping: nothing but discard counts.
    t.recorder.stop();
    all(t.recorder);
    await t.recorder.start();
    expect(t.last().calls).toEqual(['start', 'pause', 'stop']);

    // Stopped.
    t.last().finish();
    const count = t.states.length;
    all(t.recorder);
    await t.recorder.start();
    expect(t.states).toHaveLength(count);
    expect(t.status()).toBe('stopped');

    // Error.
    const denied = setup({ getUserMedia: () => Promise.reject(new DOMException('no', 'NotAllowedError')) });
    await denied.recorder.start();
    all(denied.recorder);
    expect(denied.states.map((s) => s.status)).toEqual(['requesting', 'error']);
  });

  it('does not throw when the browser refuses pause or resume', async () => {
    const t = setup();
    await t.recorder.start();
    t.last().pause = () => {
      throw new DOMException('nope', 'NotSupportedError');
    };
    expect(() => t.recorder.pause()).not.toThrow();
    expect(t.status()).toBe('recording');
  });
});

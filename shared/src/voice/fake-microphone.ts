// Stand-ins for the microphone (navigator.mediaDevices.getUserMedia) and MediaRecorder, for tests of the voice
// recorder in the dashboard's composer and the widget. The test drives the recorder's events as the browser would.
// Put back after each test.
import { afterEach, vi } from 'vitest';

const original = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');

afterEach(() => {
  if (original) Object.defineProperty(navigator, 'mediaDevices', original);
  else delete (navigator as { mediaDevices?: unknown }).mediaDevices;
  vi.unstubAllGlobals();
});

export class FakeTrack {
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

export class FakeMediaRecorder {
  static instances: FakeMediaRecorder[] = [];
  static isTypeSupported = (mime: string) => mime === 'audio/webm;codecs=opus' || mime === 'audio/webm';
  state: RecordingState = 'inactive';
  mimeType: string;
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(
    readonly stream: { getTracks(): FakeTrack[] },
    options?: MediaRecorderOptions,
  ) {
    this.mimeType = options?.mimeType ?? '';
    FakeMediaRecorder.instances.push(this);
  }
  start() {
    this.state = 'recording';
  }
  pause() {
    this.state = 'paused';
  }
  resume() {
    this.state = 'recording';
  }
  stop() {
    this.state = 'inactive';
    // The browser hands over the last chunk, then stops, a moment later.
    queueMicrotask(() => {
      this.ondataavailable?.({ data: new Blob(['opus-bytes'], { type: this.mimeType }) });
      this.onstop?.();
    });
  }
}

/** `refuse`: the DOMException name getUserMedia rejects with (NotAllowedError: the agent said no). */
export function mockMicrophone({ refuse }: { refuse?: string } = {}) {
  FakeMediaRecorder.instances = [];
  const tracks: FakeTrack[] = [];
  const getUserMedia = vi.fn(() => {
    if (refuse) return Promise.reject(new DOMException('refused', refuse));
    const track = new FakeTrack();
    tracks.push(track);
    return Promise.resolve({ getTracks: () => [track] } as unknown as MediaStream);
  });
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } });
  vi.stubGlobal('MediaRecorder', FakeMediaRecorder);
  return { getUserMedia, tracks, recorders: FakeMediaRecorder.instances };
}

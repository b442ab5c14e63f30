// The voice recorder against Chromium's real MediaRecorder, with its fake microphone (a beeping test tone) granted
// without a prompt: record with a pause in the middle, stop, and play the result back in an <audio> element.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build, type Rolldown } from 'vite';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';

const ENTRY = path.resolve(import.meta.dirname, '../shared/src/voice/index.ts');
/** localhost is a secure context, which getUserMedia requires; the page is served by request interception. */
const PAGE_URL = 'http://localhost/voice';

let browser: Browser;
let bundle: string;

/** The voice module as one classic script that sets `window.Voice`. */
async function bundleVoice(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'Voice', fileName: 'voice' },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result) as Rolldown.RolldownOutput;
  return output.output[0].code;
}

beforeAll(async () => {
  bundle = await bundleVoice();
  browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
});

afterAll(async () => {
  await browser?.close();
});

interface Result {
  statuses: string[];
  pausedElapsedDrift: number;
  picked: string | undefined;
  size: number;
  blobType: string;
  durationMs: number;
  limitReached: boolean;
  tracksLive: number;
  loaded: boolean;
  formatted: string;
}

it('records from the fake microphone with a pause, and the result plays back', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(PAGE_URL, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>voice</title><body></body>' }),
  );
  await page.goto(PAGE_URL);
  await page.addScriptTag({ content: bundle });

  const result = await page.evaluate(async (): Promise<Result> => {
    const Voice = (window as unknown as { Voice: typeof import('../shared/src/voice/index.js') }).Voice;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const streams: MediaStream[] = [];
    const statuses: string[] = [];
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const recorder = Voice.createVoiceRecorder({
      getUserMedia: async () => {
        const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
        streams.push(stream);
        return stream;
      },
      MediaRecorder: window.MediaRecorder,
      maxDurationMs: 5 * 60_000,
      onChange: (state) => {
        statuses.push(state.status);
        if (state.status === 'stopped' || state.status === 'error') settle();
      },
    });
    const picked = Voice.pickRecordingFormat((mime) => MediaRecorder.isTypeSupported(mime))?.mimeType;

    await recorder.start();
    await sleep(600);
    recorder.pause();
    const pausedAt = recorder.elapsedMs();
    await sleep(1500);
    const pausedElapsedDrift = recorder.elapsedMs() - pausedAt;
    recorder.resume();
    await sleep(600);
    recorder.stop();
    await settled;

    const state = recorder.state();
    if (state.status !== 'stopped') throw new Error(`ended ${JSON.stringify(state)}`);
    const { blob, durationMs, url } = state.recording;
    const audio = new Audio();
    const loaded = await new Promise<boolean>((resolve) => {
      audio.onloadedmetadata = () => resolve(true);
      audio.onerror = () => resolve(false);
      audio.src = url!;
    });
    return {
      statuses,
      pausedElapsedDrift,
      picked,
      size: blob.size,
      blobType: blob.type,
      durationMs,
      limitReached: state.limitReached,
      tracksLive: streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length,
      loaded,
      formatted: Voice.formatDuration(durationMs),
    };
  });

  expect(result.statuses).toEqual(['requesting', 'recording', 'paused', 'recording', 'stopped']);
  expect(result.picked).toBe('audio/webm;codecs=opus');
  expect(result.blobType).toBe('audio/webm;codecs=opus');
  expect(result.size).toBeGreaterThan(0);
  expect(result.pausedElapsedDrift).toBe(0);
  // 1.2 s recorded, the 1.5 s pause excluded (2.7 s if it counted). Timers in a busy headless page run late, never
  // early, so the bound leaves a busy machine 1.4 s of slack.
  expect(result.durationMs).toBeGreaterThanOrEqual(1200);
  expect(result.durationMs).toBeLessThan(2600);
  expect(result.formatted).toMatch(/^0:0[12]$/);
  expect(result.limitReached).toBe(false);
  expect(result.tracksLive).toBe(0);
  // MediaRecorder's WebM has no duration in its header (Chrome reports Infinity), so loading metadata is the check.
  expect(result.loaded).toBe(true);
  await context.close();
});

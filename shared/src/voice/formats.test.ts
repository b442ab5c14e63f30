import { describe, expect, it } from 'vitest';
import { formatDuration, pickRecordingFormat, recordingExtension } from './formats.js';

const supports = (types: string[]) => (mime: string) => types.includes(mime);

describe('pickRecordingFormat', () => {
  it('picks Opus in WebM in a Chrome-like browser', () => {
    expect(
      pickRecordingFormat(supports(['audio/webm', 'audio/webm;codecs=opus', 'audio/webm;codecs=pcm'])),
    ).toEqual({ mimeType: 'audio/webm;codecs=opus', ext: 'webm' });
  });

  it('picks Opus in WebM in a Firefox-like browser, and Opus in Ogg where WebM is missing', () => {
    const firefox = ['audio/ogg', 'audio/ogg;codecs=opus', 'audio/webm', 'audio/webm;codecs=opus'];
    expect(pickRecordingFormat(supports(firefox))).toEqual({
      mimeType: 'audio/webm;codecs=opus',
      ext: 'webm',
    });
    expect(pickRecordingFormat(supports(['audio/ogg', 'audio/ogg;codecs=opus']))).toEqual({
      mimeType: 'audio/ogg;codecs=opus',
      ext: 'ogg',
    });
  });

  it('picks AAC in MP4 in a Safari-like browser', () => {
    expect(pickRecordingFormat(supports(['audio/mp4', 'audio/mp4;codecs=mp4a.40.2', 'video/mp4']))).toEqual({
      mimeType: 'audio/mp4',
      ext: 'm4a',
    });
  });

  it('falls back to WebM with any codec', () => {
    expect(pickRecordingFormat(supports(['audio/webm']))).toEqual({ mimeType: 'audio/webm', ext: 'webm' });
  });

  it('returns null when nothing can be recorded, or when the check throws', () => {
    expect(pickRecordingFormat(() => false)).toBeNull();
    expect(
      pickRecordingFormat(() => {
        throw new Error('unknown type');
      }),
    ).toBeNull();
  });
});

describe('recordingExtension', () => {
  it.each([
    ['audio/webm;codecs=opus', 'webm'],
    ['audio/webm', 'webm'],
    ['audio/ogg; codecs=opus', 'ogg'],
    ['audio/mp4', 'm4a'],
    ['audio/mp4;codecs=mp4a.40.2', 'm4a'],
    ['Audio/MP4', 'm4a'],
  ])('%s is .%s', (mime, ext) => expect(recordingExtension(mime)).toBe(ext));
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [7000, '0:07'],
    [7999, '0:07'],
    [59_999, '0:59'],
    [60_000, '1:00'],
    [65_000, '1:05'],
    [300_000, '5:00'],
    [720_000, '12:00'],
    [-5, '0:00'],
    [Number.NaN, '0:00'],
    [Number.POSITIVE_INFINITY, '0:00'],
  ])('%d ms reads %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

// Voice messages (issue 11), visitor side: record with a timer, pause and resume, stop, listen, delete or send
// (uploaded with voice=1, then a message with the file and no words); a refused microphone is said in a sentence.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { SITE, TOKEN, welcome, type SentMessage } from './testing/fake-socket.js';
import { FakeXhr, storedFile, stubXhr } from './testing/fake-xhr.js';
import { mountForTest, server } from './testing/mount.js';
import { mockMicrophone } from '@livechat/shared/voice/testing';

type Mounted = ReturnType<typeof mountForTest>;

let xhrs: FakeXhr[];
let microphone: ReturnType<typeof mockMicrophone>;

beforeEach(() => {
  xhrs = stubXhr();
  microphone = mockMicrophone();
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:https://demo.example/voice');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

const connect = (m: Mounted) =>
  server(() => {
    m.net.last.open();
    m.net.last.receive(welcome('c1', TOKEN, { site: SITE, online: true }));
  });

const press = (m: Mounted, name: string) =>
  act(async () => {
    fireEvent.click(m.ui.getByRole('button', { name }));
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });

async function record(m: Mounted) {
  await connect(m);
  await press(m, 'Record voice message');
  await m.ui.findByRole('button', { name: 'Pause recording' });
}

describe('voice messages', () => {
  it('records with a timer, pauses and resumes, stops, plays back and sends with voice=1', async () => {
    const m = mountForTest();
    await record(m);
    expect(microphone.getUserMedia).toHaveBeenCalledTimes(1);
    expect(microphone.recorders[0]!.mimeType).toBe('audio/webm;codecs=opus');
    const recorder = m.ui.getByRole('group', { name: 'Voice message' });
    expect(recorder.querySelector('[role=timer]')!.textContent).toMatch(/^0:0\d \/ 5:00$/);

    await press(m, 'Pause recording');
    expect(microphone.recorders[0]!.state).toBe('paused');
    await press(m, 'Resume recording');
    expect(microphone.recorders[0]!.state).toBe('recording');
    await press(m, 'Stop recording');

    const player = m.root.querySelector('audio')!;
    expect(player.hasAttribute('controls')).toBe(true);
    expect(player.getAttribute('src')).toBe('blob:https://demo.example/voice');
    expect(microphone.tracks[0]!.stopped).toBe(true); // the microphone is let go once stopped
    expect(m.ui.getByRole('button', { name: 'Delete recording' })).toBeTruthy();

    await press(m, 'Send voice message');
    expect(xhrs).toHaveLength(1);
    const [xhr] = xhrs as [FakeXhr];
    expect(xhr.query.get('voice')).toBe('1');
    expect(xhr.query.get('name')).toBe('voice-message.webm');
    expect(xhr.headers.Authorization).toBe(`Bearer ${TOKEN}`);
    expect((xhr.body as Blob).type).toBe('audio/webm;codecs=opus');
    const note = storedFile('v1', {
      kind: 'audio',
      mime: 'audio/webm',
      name: 'voice-message.webm',
      voice: true,
    });
    await act(async () => {
      xhr.answer(201, { file: note });
      for (let i = 0; i < 20; i++) await Promise.resolve();
    });
    expect(m.net.last.sentOfType<SentMessage & { attachments: string[] }>('message.send')).toEqual([
      { type: 'message.send', id: expect.any(String) as string, body: '', attachments: ['v1'] },
    ]);
    expect(m.ui.queryByRole('group', { name: 'Voice message' })).toBeNull();
  });

  it('deletes a recording in progress: nothing is uploaded and the microphone is let go', async () => {
    const m = mountForTest();
    await record(m);
    await press(m, 'Delete recording');
    expect(m.ui.queryByRole('group', { name: 'Voice message' })).toBeNull();
    expect(microphone.tracks[0]!.stopped).toBe(true);
    expect(xhrs).toEqual([]);
  });

  it('says the server’s refusal and sends the same recording again under the same upload id', async () => {
    const m = mountForTest();
    await record(m);
    await press(m, 'Stop recording');
    await press(m, 'Send voice message');
    await act(async () => {
      xhrs[0]!.answer(429, {
        error: { code: 'rate_limited', message: 'Too many files. Please wait a minute.' },
      });
      for (let i = 0; i < 20; i++) await Promise.resolve();
    });
    expect(m.ui.getByRole('alert').textContent).toBe('Too many files. Please wait a minute.');
    await press(m, 'Send voice message');
    expect(xhrs[1]!.query.get('upload')).toBe(xhrs[0]!.query.get('upload'));
  });

  it('says plainly when the microphone is not allowed', async () => {
    microphone = mockMicrophone({ refuse: 'NotAllowedError' });
    const m = mountForTest();
    await connect(m);
    await press(m, 'Record voice message');
    expect((await m.ui.findByRole('alert')).textContent).toBe(
      'Allow the microphone to record a voice message.',
    );
    await press(m, 'Close');
    expect(m.ui.queryByRole('group', { name: 'Voice message' })).toBeNull();
  });
});

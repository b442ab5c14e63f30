// Voice notes in the reply box: record with a visible timer, pause and resume, stop, listen, delete and record again,
// then send (uploaded as a voice note, then sent as a message of its own). Refusals are said in words.
import type { AgentMessageSend } from '@livechat/shared/protocol';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actSync, fireEvent, screen, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { attachment } from '../../test-utils/media-fixtures.js';
import { mockMicrophone } from '@livechat/shared/voice/testing';
import { mockXhr } from '../../test-utils/xhr-mock.js';

afterEach(() => {
  vi.useRealTimers();
});

async function replyBox(mic: Parameters<typeof mockMicrophone>[0] = {}) {
  location.hash = '#/inbox/c-1';
  const microphone = mockMicrophone(mic);
  const xhr = mockXhr();
  const app = setupApp();
  await app.connect();
  await screen.findByRole('textbox', { name: 'Reply' });
  // The recorder's clock and the timer's ticks, driven by the test from here on.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  return { ...app, microphone, xhr };
}

/** Lets the microphone answer, or the recorder hand over its recording (promises and microtasks). */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
const advance = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
const button = (name: string) => screen.getByRole('button', { name });
const timer = () => screen.getByRole('timer', { name: 'Recording time' }).textContent;
const sentMessages = (app: Awaited<ReturnType<typeof replyBox>>) =>
  app.sockets.last.sentOfType<AgentMessageSend>('message.send');

describe('Voice messages in the reply box', () => {
  it('records with a timer, pauses and resumes, stops to listen, deletes and records again', async () => {
    const app = await replyBox();
    fireEvent.click(button('Record voice message'));
    await settle();
    expect(app.microphone.getUserMedia).toHaveBeenCalledTimes(1);
    const panel = screen.getByRole('group', { name: 'Voice message' });
    expect(within(panel).getByText('Recording')).toBeTruthy();
    expect(timer()).toBe('0:00');
    expect(panel.textContent).toContain('/ 5:00');
    expect(document.activeElement).toBe(button('Stop recording'));
    // The text box makes way for the recorder.
    expect(screen.queryByRole('textbox', { name: 'Reply' })).toBeNull();

    await advance(3000);
    expect(timer()).toBe('0:03');
    fireEvent.click(button('Pause recording'));
    expect(within(panel).getByText('Paused')).toBeTruthy();
    await advance(5000);
    expect(timer()).toBe('0:03');
    fireEvent.click(button('Resume recording'));
    await advance(2000);
    expect(timer()).toBe('0:05');

    fireEvent.click(button('Stop recording'));
    await settle();
    const player = screen.getByLabelText<HTMLAudioElement>('Recorded voice message');
    expect(player.tagName).toBe('AUDIO');
    expect(player.controls).toBe(true);
    expect(player.getAttribute('src')).toMatch(/^blob:/);
    expect(screen.getByRole('group', { name: 'Voice message' }).textContent).toContain('0:05');
    expect(app.microphone.tracks[0]!.stopped).toBe(true);
    expect(document.activeElement).toBe(button('Send'));

    fireEvent.click(button('Delete recording'));
    expect(screen.queryByRole('group', { name: 'Voice message' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeTruthy();
    expect(document.activeElement).toBe(button('Record voice message'));
    expect(app.xhr.requests).toHaveLength(0);

    fireEvent.click(button('Record voice message'));
    await settle();
    expect(timer()).toBe('0:00');
    expect(app.microphone.getUserMedia).toHaveBeenCalledTimes(2);
  });

  it('uploads the recording as a voice note, then sends it as a message of its own', async () => {
    const app = await replyBox();
    fireEvent.input(screen.getByRole('textbox', { name: 'Reply' }), { target: { value: 'Kept for later' } });
    fireEvent.click(button('Record voice message'));
    await settle();
    await advance(1500);
    fireEvent.click(button('Stop recording'));
    await settle();
    fireEvent.click(button('Send'));

    const [up] = app.xhr.requests;
    expect(up!.path).toBe('/api/conversations/c-1/files');
    expect(up!.query.get('voice')).toBe('1');
    expect(up!.query.get('name')).toBe('voice-message.webm');
    expect(up!.withCredentials).toBe(true);
    expect((up!.body as Blob).type).toBe('audio/webm;codecs=opus');
    actSync(() => up!.progress(40, 100));
    expect(
      screen.getByRole('progressbar', { name: 'Sending voice message' }).getAttribute('aria-valuenow'),
    ).toBe('40');
    expect(button('Send').hasAttribute('disabled')).toBe(true);
    expect(sentMessages(app)).toEqual([]);

    const note = attachment({
      id: 'f-voice',
      name: 'voice-message.webm',
      mime: 'audio/webm',
      kind: 'audio',
      voice: true,
    });
    up!.answer(201, { file: note });
    await settle();
    expect(sentMessages(app)).toEqual([expect.objectContaining({ body: '', attachments: ['f-voice'] })]);
    // Back to writing, with the words typed before.
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply' });
    expect(box.value).toBe('Kept for later');
    expect(document.activeElement).toBe(box);
    const log = screen.getByRole('log', { name: 'Messages' });
    expect(within(log).getByText('Voice message')).toBeTruthy();
    expect(within(log).getByLabelText('Voice message').tagName).toBe('AUDIO');
  });

  it('says why the server refused the voice note, and keeps it to delete', async () => {
    const app = await replyBox();
    fireEvent.click(button('Record voice message'));
    await settle();
    fireEvent.click(button('Stop recording'));
    await settle();
    fireEvent.click(button('Send'));
    app.xhr.requests[0]!.refuse(415, 'unsupported_type', 'Voice messages cannot be sent by text message.');
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Voice messages cannot be sent by text message.');
    expect(sentMessages(app)).toEqual([]);
    fireEvent.click(button('Delete recording'));
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeTruthy();
  });

  it('stops by itself at 5 minutes and says so', async () => {
    await replyBox();
    fireEvent.click(button('Record voice message'));
    await settle();
    await advance(5 * 60_000);
    await settle();
    expect(screen.getByText('The recording stopped at the 5:00 limit.')).toBeTruthy();
    expect(screen.getByLabelText('Recorded voice message')).toBeTruthy();
  });

  it('says plainly when the microphone is not allowed', async () => {
    const app = await replyBox({ refuse: 'NotAllowedError' });
    fireEvent.click(button('Record voice message'));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Allow the microphone to record a voice message.');
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeTruthy();
    expect(app.microphone.recorders).toHaveLength(0);
  });
});

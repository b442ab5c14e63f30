// The voice recorder's words, per locale (this chunk's own table).
import type { RecorderErrorReason } from '@livechat/shared/voice';
import type { Locale } from '@livechat/shared/model';

export interface VoiceStrings {
  /** The recorder's name, and a voice message being sent. */
  title: string;
  pause: string;
  resume: string;
  stop: string;
  remove: string;
  send: string;
  close: string;
  /** The recording reached the longest a voice message may be (`max` as m:ss). */
  limit: (max: string) => string;
  network: string;
  /** Why nothing could be recorded, in a sentence. */
  errors: Record<RecorderErrorReason, string>;
}

export const VOICE_STRINGS: Record<Locale, VoiceStrings> = {
  en: {
    title: 'Voice message',
    pause: 'Pause recording',
    resume: 'Resume recording',
    stop: 'Stop recording',
    remove: 'Delete recording',
    send: 'Send voice message',
    close: 'Close',
    limit: (max) => `The recording stopped at the ${max} limit.`,
    network: 'The connection dropped while sending. Please try again.',
    errors: {
      'permission-denied': 'Allow the microphone to record a voice message.',
      'no-microphone': 'No microphone was found.',
      unsupported: 'Voice messages are not supported in this browser.',
      'recorder-failed': 'The recording failed. Please try again.',
    },
  },
  tr: {
    title: 'Sesli mesaj',
    pause: 'Kaydı duraklat',
    resume: 'Kayda devam et',
    stop: 'Kaydı durdur',
    remove: 'Kaydı sil',
    send: 'Sesli mesajı gönder',
    close: 'Kapat',
    limit: (max) => `Kayıt ${max} sınırında durdu.`,
    network: 'Gönderirken bağlantı koptu. Lütfen tekrar deneyin.',
    errors: {
      'permission-denied': 'Sesli mesaj kaydetmek için mikrofona izin verin.',
      'no-microphone': 'Mikrofon bulunamadı.',
      unsupported: 'Bu tarayıcı sesli mesajları desteklemiyor.',
      'recorder-failed': 'Kayıt başarısız oldu. Lütfen tekrar deneyin.',
    },
  },
  sl: {
    title: 'Glasovno sporočilo',
    pause: 'Začasno ustavi snemanje',
    resume: 'Nadaljuj snemanje',
    stop: 'Ustavi snemanje',
    remove: 'Izbriši posnetek',
    send: 'Pošlji glasovno sporočilo',
    close: 'Zapri',
    limit: (max) => `Snemanje se je ustavilo pri omejitvi ${max}.`,
    network: 'Med pošiljanjem se je povezava prekinila. Poskusite znova.',
    errors: {
      'permission-denied': 'Za snemanje glasovnega sporočila dovolite dostop do mikrofona.',
      'no-microphone': 'Mikrofona ni bilo mogoče najti.',
      unsupported: 'Ta brskalnik ne podpira glasovnih sporočil.',
      'recorder-failed': 'Snemanje ni uspelo. Poskusite znova.',
    },
  },
};

// The file tray's and attachments' words, per locale (this chunk's own table, so the panel does not carry them).
import type { Locale } from '@livechat/shared/model';

export interface FileStrings {
  /** The cancel button of a file still uploading. */
  cancel: (name: string) => string;
  /** The button that takes a file back out of the next message. */
  remove: (name: string) => string;
  tooMany: (max: number) => string;
  /** The upload was cut off and its retries ran out. */
  network: string;
  /** A file of a message could not be fetched. */
  unavailable: (name: string) => string;
  /** The thumbnail's button: shows the image larger. */
  view: (name: string) => string;
  closeImage: string;
  voice: string;
}

export const FILE_STRINGS: Record<Locale, FileStrings> = {
  en: {
    cancel: (name) => `Cancel ${name}`,
    remove: (name) => `Remove ${name}`,
    tooMany: (max) => `You can send up to ${max} files at once.`,
    network: 'The connection dropped while uploading. Please try again.',
    unavailable: (name) => `${name} could not be loaded.`,
    view: (name) => `Open ${name}`,
    closeImage: 'Close image',
    voice: 'Voice message',
  },
  tr: {
    cancel: (name) => `${name} yüklemesini iptal et`,
    remove: (name) => `${name} dosyasını kaldır`,
    tooMany: (max) => `Tek seferde en fazla ${max} dosya gönderebilirsiniz.`,
    network: 'Yükleme sırasında bağlantı koptu. Lütfen tekrar deneyin.',
    unavailable: (name) => `${name} yüklenemedi.`,
    view: (name) => `${name} dosyasını aç`,
    closeImage: 'Görseli kapat',
    voice: 'Sesli mesaj',
  },
  sl: {
    cancel: (name) => `Prekliči ${name}`,
    remove: (name) => `Odstrani ${name}`,
    tooMany: (max) => `Hkrati lahko pošljete največ ${max} datotek.`,
    network: 'Med nalaganjem se je povezava prekinila. Poskusite znova.',
    unavailable: (name) => `Datoteke ${name} ni bilo mogoče naložiti.`,
    view: (name) => `Odpri ${name}`,
    closeImage: 'Zapri sliko',
    voice: 'Glasovno sporočilo',
  },
};

// Every text the chat panel shows itself (visible or for screen readers), per locale. The launcher has its own
// small table (launcher-strings.ts) so that widget.js stays small.
import type { AnswerKind, Locale } from '@livechat/shared/model';

export interface Strings {
  /** Connected, and an agent is available. */
  online: string;
  /** Header title until the server names the bot. */
  title: string;
  close: string;
  /** The textbox's accessible name. */
  message: string;
  placeholder: string;
  send: string;
  sending: string;
  notSent: string;
  retry: string;
  connecting: string;
  reconnecting: string;
  offline: string;
  /** Connected, nobody available. */
  leaveMessage: string;
  unavailable: string;
  empty: string;
  /** Followed by the time left, m:ss. */
  waiting: string;
  joined: (name: string) => string;
  /** The agent handed the chat on (or was unassigned): the bot and the team take over again. */
  left: (name: string) => string;
  /** Why a message over the limit (`n` characters) is not sent; never cut silently. */
  tooLong: (n: number) => string;
  /** The team closed the conversation; writing again starts a new one. */
  closed: string;
  /** Placeholder of the textbox while a question asks for an email address or a phone number. */
  hint: Record<'email' | 'phone', string>;
  /** Why an answer was not accepted. */
  invalid: Record<AnswerKind, string>;
}

export const STRINGS: Record<Locale, Strings> = {
  en: {
    online: "We're online",
    title: 'Chat with us',
    close: 'Close chat',
    message: 'Message',
    placeholder: 'Write a message…',
    send: 'Send',
    sending: 'Sending…',
    notSent: 'Not sent.',
    retry: 'Retry',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
    leaveMessage: "We're away — leave a message",
    unavailable: 'Chat is unavailable on this site',
    empty: 'Hi there! Ask us anything, we are happy to help.',
    waiting: 'Waiting for an agent…',
    joined: (name) => `${name} joined the chat`,
    left: (name) => `${name} left the chat`,
    tooLong: (n) => `Please shorten your message to ${n} characters or fewer.`,
    closed: 'This chat was closed. Write again any time to start a new one.',
    hint: {
      email: 'Your email address',
      phone: 'Your phone number',
    },
    invalid: {
      text: 'Please enter an answer.',
      email: 'Please enter a valid email address.',
      phone: 'Please enter a valid phone number.',
      choice: 'Please pick one of the options.',
      name: 'Please enter your name.',
    },
  },
  tr: {
    online: 'Çevrimiçiyiz',
    title: 'Bizimle sohbet edin',
    close: 'Sohbeti kapat',
    message: 'Mesaj',
    placeholder: 'Bir mesaj yazın…',
    send: 'Gönder',
    sending: 'Gönderiliyor…',
    notSent: 'Gönderilemedi.',
    retry: 'Tekrar dene',
    connecting: 'Bağlanıyor…',
    reconnecting: 'Yeniden bağlanıyor…',
    offline: 'Çevrimdışı',
    leaveMessage: 'Şu anda çevrimdışıyız — bize mesaj bırakın',
    unavailable: 'Sohbet bu sitede kullanılamıyor',
    empty: 'Merhaba! Aklınıza takılan her şeyi sorabilirsiniz, yardımcı olmaktan memnuniyet duyarız.',
    waiting: 'Bir temsilci bekleniyor…',
    joined: (name) => `${name} sohbete katıldı`,
    left: (name) => `${name} sohbetten ayrıldı`,
    tooLong: (n) => `Lütfen mesajınızı en fazla ${n} karakter olacak şekilde kısaltın.`,
    closed: 'Bu sohbet kapatıldı. Yeni bir sohbet başlatmak için istediğiniz zaman yazabilirsiniz.',
    hint: {
      email: 'E-posta adresiniz',
      phone: 'Telefon numaranız',
    },
    invalid: {
      text: 'Lütfen bir yanıt girin.',
      email: 'Lütfen geçerli bir e-posta adresi girin.',
      phone: 'Lütfen geçerli bir telefon numarası girin.',
      choice: 'Lütfen seçeneklerden birini seçin.',
      name: 'Lütfen adınızı girin.',
    },
  },
  sl: {
    online: 'Smo na voljo',
    title: 'Klepetajte z nami',
    close: 'Zapri klepet',
    message: 'Sporočilo',
    placeholder: 'Napišite sporočilo …',
    send: 'Pošlji',
    sending: 'Pošiljanje …',
    notSent: 'Ni poslano.',
    retry: 'Poskusi znova',
    connecting: 'Povezovanje …',
    reconnecting: 'Ponovno povezovanje …',
    offline: 'Brez povezave',
    leaveMessage: 'Trenutno nismo na voljo — pustite nam sporočilo',
    unavailable: 'Klepet na tej strani ni na voljo',
    empty: 'Pozdravljeni! Vprašajte nas karkoli, z veseljem vam pomagamo.',
    waiting: 'Čakamo na prostega svetovalca …',
    joined: (name) => `${name} je zdaj v klepetu`,
    left: (name) => `${name} ni več v klepetu`,
    tooLong: (n) => `Sporočilo skrajšajte na največ ${n} znakov.`,
    closed: 'Ta klepet je zaključen. Za novega nam lahko pišete kadar koli.',
    hint: {
      email: 'Vaš e-poštni naslov',
      phone: 'Vaša telefonska številka',
    },
    invalid: {
      text: 'Vpišite odgovor.',
      email: 'Vpišite veljaven e-poštni naslov.',
      phone: 'Vpišite veljavno telefonsko številko.',
      choice: 'Izberite eno od možnosti.',
      name: 'Vpišite svoje ime.',
    },
  },
};

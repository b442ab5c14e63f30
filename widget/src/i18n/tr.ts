// The panel in Turkish: fetched as its own chunk when the visitor's language (or the site's default) is Turkish.
import type { Strings } from './strings.js';

const tr: Strings = {
  online: 'Çevrimiçiyiz',
  title: 'Bizimle sohbet edin',
  close: 'Sohbeti kapat',
  message: 'Mesaj',
  placeholder: 'Bir mesaj yazın…',
  send: 'Gönder',
  attach: 'Dosya ekle',
  record: 'Sesli mesaj kaydet',
  emoji: 'Emoji',
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
};

export default tr;

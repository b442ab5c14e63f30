// The panel in Slovene: fetched as its own chunk when the visitor's language (or the site's default) is Slovene.
import type { Strings } from './strings.js';

const sl: Strings = {
  online: 'Smo na voljo',
  title: 'Klepetajte z nami',
  close: 'Zapri klepet',
  message: 'Sporočilo',
  placeholder: 'Napišite sporočilo …',
  send: 'Pošlji',
  attach: 'Priloži datoteko',
  record: 'Posnemi glasovno sporočilo',
  emoji: 'Emoji',
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
};

export default sl;

// Pictures in MMS, as Twilio handles them. A phone's media are kept by "Twilio" and offered to the inbox at an API URL
// (…/Messages/MM…/Media/ME…) that asks for the account's credentials ("HTTP Basic Authentication for media access")
// and redirects to a public CDN URL. The media of a text the inbox sends are fetched from the URLs the send names,
// without credentials, as Twilio does, and kept so the phone page can show them.
import { crc32, deflateSync } from 'node:zlib';
import { API_VERSION, newSid } from './rest-api.js';

export interface KeptMedia {
  bytes: Buffer;
  contentType: string;
  /** Where the API URL redirects (tests point it at another host); the fake's own CDN path by default. */
  redirectTo?: string;
}

/** One MediaUrl of a send, as the fake fetched it. */
export interface FetchedMedia {
  url: string;
  /** The answer's HTTP status after redirects; 0 when nothing answered. */
  status: number;
  contentType: string | null;
  size: number;
  bytes: Buffer;
  /** Where the phone page shows it (fetched successfully only). */
  src?: string;
}

/** A request for media the fake serves, and the Authorization header it came with. */
export interface MediaRequest {
  path: string;
  authorization: string | undefined;
}

/** Twilio takes up to 5 MB of media per MMS; the fake reads no more than that per URL. */
const MAX_FETCH_BYTES = 5_000_000;

export const cdnPath = (sid: string) => `/media/${sid}`;

export class MediaStore {
  private readonly kept = new Map<string, KeptMedia>();

  /** Keeps a medium; its id (ME…). */
  keep(media: KeptMedia): string {
    const sid = newSid('ME');
    this.kept.set(sid, media);
    return sid;
  }

  get(sid: string): KeptMedia | undefined {
    return this.kept.get(sid);
  }

  /** The API URL Twilio gives the inbox in MediaUrl{N}. */
  apiUrl(base: string, accountSid: string, sid: string): string {
    return `${base}/${API_VERSION}/Accounts/${accountSid}/Messages/${newSid('MM')}/Media/${sid}`;
  }

  /** GETs one MediaUrl of a send (redirects followed) and keeps what came. */
  async fetch(url: string): Promise<FetchedMedia> {
    const failed = (status: number): FetchedMedia => ({
      url,
      status,
      contentType: null,
      size: 0,
      bytes: Buffer.alloc(0),
    });
    try {
      const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(5_000) });
      if (!response.ok) {
        await response.body?.cancel();
        return failed(response.status);
      }
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length > MAX_FETCH_BYTES) return failed(413);
      const contentType = response.headers.get('content-type');
      const sid = this.keep({ bytes, contentType: contentType ?? 'application/octet-stream' });
      return { url, status: response.status, contentType, size: bytes.length, bytes, src: cdnPath(sid) };
    } catch {
      return failed(0);
    }
  }
}

/** A 16×16 PNG, a blue square with a lighter diagonal: what the phone page's "Attach a picture" sends. */
export function samplePicture(): Buffer {
  const size = 16;
  const rows = Array.from({ length: size }, (_, y) =>
    Buffer.from([
      0,
      ...Array.from({ length: size }, (_, x) => (x === y ? [150, 200, 255] : [30, 90, 200])).flat(),
    ]),
  );
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

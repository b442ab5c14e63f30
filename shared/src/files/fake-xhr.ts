// A stand-in for XMLHttpRequest in tests of uploads (the widget's, the dashboard's, uploadFile's): every request is
// recorded when opened, and the test plays the network: progress, an answer, a refusal, a dropped connection.
// Install it with `vi.stubGlobal('XMLHttpRequest', FakeXhr)` after `FakeXhr.reset()`.
export class FakeXhr {
  /** Every request opened since the last reset, oldest first (the same array throughout). */
  static readonly requests: FakeXhr[] = [];
  static reset(): FakeXhr[] {
    FakeXhr.requests.length = 0;
    return FakeXhr.requests;
  }

  method = '';
  url = '';
  headers: Record<string, string> = {};
  withCredentials = false;
  body: unknown;
  status = 0;
  responseText = '';
  aborted = false;
  readonly upload: {
    onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
    FakeXhr.requests.push(this);
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    // As browsers do: a finished request fires nothing.
    if (!this.status) this.onabort?.();
  }

  /** The query of the request, as the server reads it. */
  get query(): URLSearchParams {
    return new URL(this.url, 'http://localhost').searchParams;
  }
  get path(): string {
    return this.url.split('?')[0]!;
  }
  /** Bytes sent so far: `progress(0.5)` is half of the file. */
  progress(loaded: number, total = 1) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  /** The server answers (an object as JSON; a string as it is, a proxy's page say). */
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
  /** A refusal as the server sends every error: `{ error: { code, message } }`. */
  refuse(status: number, code: string, message: string) {
    this.answer(status, { error: { code, message } });
  }
  /** The connection dropped before an answer. */
  drop() {
    this.onerror?.();
  }
}

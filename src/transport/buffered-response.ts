/**
 * An answer whose body the transport has already read (the attempt timeout covers the body;
 * retries and typed errors need it). It is built without a body stream, which costs more
 * than the JSON parse: `text()` and `json()` answer from what was read, as often as asked,
 * and `body`, `clone()` and the other readers from a standard Response built on first use.
 */
export class BufferedResponse extends Response {
  readonly #text: string;
  readonly #url: string;
  readonly #headers: Headers;
  readonly #statusText: string;
  #standard: Response | undefined;

  constructor(answer: Pick<Response, "status" | "statusText" | "headers">, text: string, url: string) {
    // The answer's headers are kept as they are (immutable when fetch made them, as on any
    // fetch answer): copying them into a new list costs more per call. Its status text is
    // kept as is too: fetch reads any bytes into it, which Response's constructor may refuse.
    super(null, { status: answer.status });
    this.#headers = answer.headers;
    this.#statusText = answer.statusText;
    this.#text = text;
    this.#url = url;
  }

  override get statusText(): string {
    return this.#statusText;
  }

  override get headers(): Headers {
    return this.#headers;
  }

  override get url(): string {
    return this.#url;
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  override json(): Promise<unknown> {
    return Promise.resolve(this.#text).then(JSON.parse);
  }

  #withBody(): Response {
    // Only its body is used: no status text, which the constructor may refuse.
    if (this.#standard === undefined) {
      this.#standard = new Response(this.#text === "" ? null : this.#text, {
        status: this.status,
        headers: this.#headers,
      });
    }
    return this.#standard;
  }

  override get body(): Response["body"] {
    return this.#withBody().body;
  }

  override get bodyUsed(): boolean {
    return this.#standard?.bodyUsed ?? false;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#withBody().arrayBuffer();
  }

  override blob(): Promise<Blob> {
    return this.#withBody().blob();
  }

  override formData(): Promise<FormData> {
    return this.#withBody().formData();
  }

  override clone(): Response {
    // A clone's headers are its own, as a standard clone's are.
    const answer = { status: this.status, statusText: this.statusText, headers: new Headers(this.#headers) };
    return new BufferedResponse(answer, this.#text, this.#url);
  }
}

import type { RequestDescription, SentRequest } from "../errors/index.js";

/** Where an answer's request went; `processed` when a 303 said a POST or PATCH was processed before it. */
export interface AnsweredRequest extends RequestDescription {
  processed?: SentRequest | undefined;
}

/** What was sent for answers that middleware put in place of the transport's. */
const replacedAnswers = new WeakMap<Response, RequestDescription>();

/** Marks an answer whose body was not parsed up front (error answers). */
export const UNPARSED: unique symbol = Symbol("unparsed");

/**
 * An answer whose body the transport has already read (the attempt timeout covers the body;
 * retries and typed errors need it). It is built without a body stream, which costs more
 * than the JSON parse: `text()` and `json()` answer from what was read, as often as asked,
 * and `body`, `clone()` and the other readers from a standard Response built on first use.
 */
export class ReadResponse extends Response {
  readonly #text: string;
  readonly #parsed: unknown;
  readonly #url: string;
  readonly #request: AnsweredRequest;
  readonly #headers: Headers;
  readonly #statusText: string;
  #standard: Response | undefined;

  constructor(
    answer: Pick<Response, "status" | "statusText" | "headers" | "url">,
    text: string,
    parsed: unknown,
    request: AnsweredRequest,
  ) {
    // The answer's headers are kept as they are (immutable when fetch made them, as on any
    // fetch answer): copying them into a new list costs more per call. Its status text is
    // kept as is too: fetch reads any bytes into it, which Response's constructor may refuse.
    super(null, { status: answer.status });
    this.#headers = answer.headers;
    this.#statusText = answer.statusText;
    this.#text = text;
    this.#parsed = parsed;
    this.#url = answer.url || request.url;
    this.#request = request;
  }

  /** What was sent for an answer the transport returned, for building typed errors. */
  static requestOf(response: Response): AnsweredRequest | undefined {
    return #request in response ? response.#request : replacedAnswers.get(response);
  }

  /** The body the transport parsed for this answer, or UNPARSED for another answer. */
  static parsedOf(response: Response): unknown {
    return #parsed in response ? response.#parsed : UNPARSED;
  }

  /** Records what was sent for an answer that middleware returned instead of the transport's. */
  static describe(response: Response, request: RequestDescription): void {
    if (ReadResponse.requestOf(response) === undefined) replacedAnswers.set(response, request);
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

  override async json(): Promise<unknown> {
    return this.#parsed === UNPARSED ? JSON.parse(this.#text) : this.#parsed;
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
    const answer = {
      status: this.status,
      statusText: this.statusText,
      headers: new Headers(this.#headers),
      url: this.#url,
    };
    return new ReadResponse(answer, this.#text, this.#parsed, this.#request);
  }
}

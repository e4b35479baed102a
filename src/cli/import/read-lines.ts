import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

export interface InputLine {
  /** 1-based, counting blank lines too, as an editor shows it. */
  number: number;
  text: string;
}

/** The non-blank lines of an NDJSON file, streamed; a byte-order mark at the start is dropped. */
export async function* readLines(path: string): AsyncGenerator<InputLine, void, undefined> {
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  let number = 0;
  for await (const raw of lines) {
    number++;
    const text = number === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (text.trim() !== "") yield { number, text };
  }
}

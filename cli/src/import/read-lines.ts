import { createReadStream } from "node:fs";
import { isUtf8 } from "node:buffer";

export interface InputLine {
  /** 1-based, counting blank lines too, as an editor shows it. */
  number: number;
  text: string;
  /** False when the line's bytes are not UTF-8 (its text then holds U+FFFD in their place). */
  utf8: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

/** Where the next line break (LF or CR) is in `chunk` from `start`, or -1. */
function nextBreak(chunk: Buffer, start: number): number {
  const lf = chunk.indexOf(LF, start);
  const cr = chunk.indexOf(CR, start);
  return lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
}

/**
 * The lines of a file as bytes, split at LF, CRLF or CR as readline splits them, the last
 * one with or without its line break. A long line is joined once, from all its pieces.
 */
async function* byteLines(path: string): AsyncGenerator<Buffer, void, undefined> {
  let pieces: Buffer[] = [];
  // A CR just ended a line: an LF right after it belongs to the same break.
  let afterCR = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = afterCR && chunk[0] === LF ? 1 : 0;
    afterCR = false;
    for (let end = nextBreak(chunk, start); end !== -1; end = nextBreak(chunk, start)) {
      pieces.push(chunk.subarray(start, end));
      yield pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
      pieces = [];
      start = end + 1;
      if (chunk[end] === CR) {
        if (start === chunk.length) afterCR = true;
        else if (chunk[start] === LF) start++;
      }
    }
    if (start < chunk.length) pieces.push(chunk.subarray(start));
  }
  if (pieces.length > 0) yield Buffer.concat(pieces);
}

/**
 * The non-blank lines of an NDJSON file, streamed; a byte-order mark at the start is dropped.
 * Each line's bytes are checked to be UTF-8: decoding would otherwise put U+FFFD in place of
 * the others, a change nobody could see in the text.
 */
export async function* readLines(path: string): AsyncGenerator<InputLine, void, undefined> {
  let number = 0;
  for await (const bytes of byteLines(path)) {
    number++;
    const raw = bytes.toString("utf8");
    const text = number === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (text.trim() !== "") yield { number, text, utf8: isUtf8(bytes) };
  }
}

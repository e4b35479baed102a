import type { Writable } from "node:stream";

/**
 * Follows a stream's errors, so that a reader that goes away (`| head`, EPIPE) or a full disk
 * cannot end the process with an unhandled 'error' event in the middle of an import; what is
 * written after the first error is dropped. It stays attached: a write's error can come
 * after the last write returns.
 */
export function guardOutput(stream: Writable): { write: (text: string) => void } {
  let failed = false;
  stream.on("error", () => {
    failed = true;
  });
  return {
    write(text) {
      if (!failed && !stream.destroyed) stream.write(text);
    },
  };
}

// A context to run bundled code in with the web APIs every fetch runtime provides and none of
// Node's own, to show that code needs nothing else.
import { createContext } from "node:vm";

/**
 * The web APIs every fetch runtime provides (the WinterTC minimum common API), taken from
 * this Node. Node's own globals (`process`, `Buffer`, `require`, `setImmediate`) are left out.
 */
const WEB_GLOBALS = [
  "AbortController",
  "AbortSignal",
  "Blob",
  "ByteLengthQueuingStrategy",
  "CompressionStream",
  "CountQueuingStrategy",
  "crypto",
  "CryptoKey",
  "DecompressionStream",
  "DOMException",
  "Event",
  "EventTarget",
  "File",
  "FormData",
  "Headers",
  "ReadableStream",
  "Request",
  "Response",
  "SubtleCrypto",
  "TextDecoder",
  "TextDecoderStream",
  "TextEncoder",
  "TextEncoderStream",
  "TransformStream",
  "URL",
  "URLSearchParams",
  "WebAssembly",
  "WritableStream",
  "atob",
  "btoa",
  "console",
  "fetch",
  "performance",
  "queueMicrotask",
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "structuredClone",
] as const;

export function webOnlyContext(): Record<string, unknown> {
  const globals = globalThis as unknown as Record<string, unknown>;
  return createContext(
    Object.fromEntries(WEB_GLOBALS.filter((name) => name in globals).map((name) => [name, globals[name]])),
  );
}

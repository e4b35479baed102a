/** How much of a URL that does not parse an error repeats. */
const MAX_UNPARSED = 200;

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * The URL as a link or `Location` gave it, without user info, for errors: a server may put
 * credentials in one. An absolute URL loses its user name and password. A relative one is
 * kept as given, unless it holds an `@`: then it is resolved against `base` (user info
 * dropped), so an `@` in its path stays. One that does not parse, or whose user info a URL
 * cannot drop (a `blob:` URL's inner one), loses everything up to its last `@` (where a
 * lenient parser might end the user info: after `\`, tabs, line breaks, a `/`, `?` or `#`
 * in a password), marked `…@`, keeping its scheme. Control characters are percent-encoded,
 * so a link cannot write to the terminal that shows the error.
 */
export function printableUrl(href: string, base?: string): string {
  // URL parsers drop tabs and line breaks anywhere, so they cannot hide an `@`.
  const text = href.replace(/[\t\n\r]/g, "");
  const url = parsed(text) ?? (SCHEME.test(text) || !text.includes("@") ? undefined : parsed(text, base));
  // Without a host, a URL has no user info to drop: an `@` in it may be another URL's.
  if (url !== undefined && !(url.host === "" && text.includes("@"))) {
    url.username = "";
    url.password = "";
    return url.href;
  }
  const at = text.lastIndexOf("@");
  const cut = at === -1 ? text : `${SCHEME.exec(text)?.[0] ?? ""}//…@${text.slice(at + 1)}`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it encodes.
  const shown = cut.replace(/[\u0000-\u001f\u007f-\u009f]/g, encodeURIComponent);
  return shown.length > MAX_UNPARSED ? `${shown.slice(0, MAX_UNPARSED)}…` : shown;
}

function parsed(href: string, base?: string): URL | undefined {
  if (base === undefined && !SCHEME.test(href)) return undefined;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

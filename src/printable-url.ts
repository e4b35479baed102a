/** How much of a URL that does not parse an error repeats. */
const MAX_UNPARSED = 200;

/**
 * The URL without user info, for errors: a link or `Location` a server sends may carry
 * credentials. One that does not parse loses everything up to the last `@` before its
 * query, wherever a lenient parser would end the user info (`\`, tabs and line breaks
 * included), keeping its scheme.
 */
export function printableUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    // URL parsers drop tabs and line breaks anywhere, so they cannot hide an `@`.
    const text = href.replace(/[\t\n\r]/g, "");
    const queryAt = text.search(/[?#]/);
    const at = text.lastIndexOf("@", queryAt === -1 ? text.length : queryAt);
    const cut = at === -1 ? text : `${/^[a-z][a-z\d+.-]*:/i.exec(text)?.[0] ?? ""}//${text.slice(at + 1)}`;
    return cut.length > MAX_UNPARSED ? `${cut.slice(0, MAX_UNPARSED)}…` : cut;
  }
  url.username = "";
  url.password = "";
  return url.href;
}

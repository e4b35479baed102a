/** How much of a URL that does not parse an error repeats. */
const MAX_UNPARSED = 200;

/**
 * The URL, resolved against `base` when given, without user info, for errors: a link or
 * `Location` a server sends may carry credentials. One that does not parse even then loses
 * everything up to its last `@` (where a lenient parser might end the user info: after `\`,
 * tabs, line breaks, a `/`, `?` or `#` in a password), marked `…@`, keeping its scheme.
 */
export function printableUrl(href: string, base?: string): string {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    // URL parsers drop tabs and line breaks anywhere, so they cannot hide an `@`.
    const text = href.replace(/[\t\n\r]/g, "");
    const at = text.lastIndexOf("@");
    const cut = at === -1 ? text : `${/^[a-z][a-z\d+.-]*:/i.exec(text)?.[0] ?? ""}//…@${text.slice(at + 1)}`;
    return cut.length > MAX_UNPARSED ? `${cut.slice(0, MAX_UNPARSED)}…` : cut;
  }
  url.username = "";
  url.password = "";
  return url.href;
}

/** The `Authorization` header value for HTTP Basic auth, UTF-8 safe. */
export function basicAuthorization(clientKey: string, apiToken: string): string {
  const bytes = new TextEncoder().encode(`${clientKey}:${apiToken}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

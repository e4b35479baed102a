/** An answer's body as text for an error to keep, cut at 2,000 characters; undefined when empty. */
export function textOf(body: unknown): string | undefined {
  if (body === undefined || body === null || body === "") return undefined;
  return (typeof body === "string" ? body : JSON.stringify(body)).slice(0, 2000);
}

// The guests the fake's contacts and consumers resolve to, as Sitecore CDP resolves a person
// to a guest: by the first identifier, else by the first email.

export class Guests {
  /** Guest refs by identity. */
  private readonly byIdentity = new Map<string, string>();

  /** The guest a person resolves to: the same identity always resolves to the same guest. */
  of(fields: Record<string, unknown>): string {
    const identifiers = fields.identifiers as { provider: string; id: string }[] | undefined;
    const emails = fields.emails as string[] | undefined;
    const first = identifiers?.[0];
    const identity = first ? `id:${first.provider}:${first.id}` : emails?.[0] ? `email:${emails[0]}` : undefined;
    if (identity === undefined) return crypto.randomUUID();
    let guest = this.byIdentity.get(identity);
    if (guest === undefined) {
      guest = crypto.randomUUID();
      this.byIdentity.set(identity, guest);
    }
    return guest;
  }

  clear(): void {
    this.byIdentity.clear();
  }
}

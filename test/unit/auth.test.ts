import { expect, it } from "vitest";
import { basicAuthorization } from "../../src/auth.js";

it("encodes client key and token as HTTP Basic credentials", () => {
  expect(basicAuthorization("Aladdin", "open sesame")).toBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
});

it("encodes non-ASCII credentials as UTF-8", () => {
  const header = basicAuthorization("clé", "jeton");
  expect(Buffer.from(header.slice("Basic ".length), "base64").toString("utf8")).toBe("clé:jeton");
});

// A client of a fresh in-memory fake, as a user's test would make one.
import { createOrderClient, type OrderClient, type OrderClientOptions } from "sitecore-cdp-orders";
import { createFakeCdp, type FakeCdp, type FakeCdpOptions } from "sitecore-cdp-orders/testing";

export const BASE_URL = "https://fake.cdp.test";

export function fakeClient(
  options: OrderClientOptions = {},
  fakeOptions: FakeCdpOptions = {},
): { fake: FakeCdp; cdp: OrderClient } {
  const fake = createFakeCdp(fakeOptions);
  const cdp = createOrderClient({
    baseUrl: BASE_URL,
    clientKey: fakeOptions.clientKey ?? "fake-client-key",
    apiToken: fakeOptions.apiToken ?? "fake-api-token",
    retry: { maxRetries: 0 },
    ...options,
    fetch: fake.fetch,
  });
  return { fake, cdp };
}

export const orderBody = (referenceId: string, orderedAt = "2024-03-01T10:00:00Z") => ({
  referenceId,
  orderedAt,
  currencyCode: "EUR",
  price: 50,
  channel: "WEB" as const,
  status: "PURCHASED" as const,
});

export const itemBody = (referenceId: string) =>
  ({
    referenceId,
    name: "Phone",
    type: "MOBILE",
    price: 50,
    currencyCode: "EUR",
    status: "CONFIRMED",
    quantity: 1,
  }) as const;

import { describe, expect, it } from "vitest";
import { prismClient } from "../helpers.js";

const client = prismClient();
const orderRef = "2d7de9df-45a2-45ea-872c-30e45139007d";
const order = {
  referenceId: "B94TXY-1",
  orderedAt: "2024-01-01T16:17:16Z",
  currencyCode: "EUR",
  price: 50,
  channel: "WEB",
  status: "PURCHASED",
} as const;

describe("Order operations against the mock", () => {
  it("createOrder answers 201 with the order and its ref", async () => {
    const { data, response } = await client.POST("/v2.1/orders", { body: order });
    expect(response.status).toBe(201);
    expect(data?.ref).toMatch(/^[0-9a-f-]{36}$/);
    expect(data?.referenceId).toBe("B94TXY-1");
  });
});

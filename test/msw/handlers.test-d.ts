// openapi-msw types a handler from the package's `paths`: the path, its parameters, the
// request body and, through `response(status)` or `HttpResponse.json`, the answer for each
// status the spec declares. A handler that answers unlike the spec does not compile.
import { HttpResponse } from "msw";
import { createOpenApiHttp } from "openapi-msw";
import { describe, expectTypeOf, it } from "vitest";
import { type components, type paths, REGION_BASE_URLS } from "../../src/index.js";

const http = createOpenApiHttp<paths>({ baseUrl: REGION_BASE_URLS.eu });

const order: components["schemas"]["Order"] = {
  ref: "2d7de9df-45a2-45ea-872c-30e45139007d",
  href: `${REGION_BASE_URLS.eu}/v2.1/orders/2d7de9df-45a2-45ea-872c-30e45139007d`,
  referenceId: "B94TXY-1",
  orderedAt: "2024-01-01T16:17:16Z",
  currencyCode: "EUR",
  price: 50,
};

describe("an openapi-msw handler over the package's paths", () => {
  it("gets the path parameters and the request body the spec gives the operation", () => {
    http.get("/v2.1/orders/{orderRef}", ({ params, response }) => {
      expectTypeOf(params).toEqualTypeOf<{ orderRef: string }>();
      return response(200).json(order);
    });
    http.post("/v2.1/orders", async ({ request, response }) => {
      expectTypeOf(await request.json()).toEqualTypeOf<components["schemas"]["OrderInput"]>();
      return response(201).json(order);
    });
  });

  it("takes only the paths the spec has for the method", () => {
    // @ts-expect-error there is no /v2.1/order
    http.get("/v2.1/order", () => HttpResponse.json(order));
    // @ts-expect-error an order is not created with PUT
    http.put("/v2.1/orders", () => HttpResponse.json(order));
  });

  it("does not compile with an answer of the wrong shape", () => {
    http.get("/v2.1/orders/{orderRef}", ({ response }) =>
      response(200).json({
        ...order,
        // @ts-expect-error price is a number
        price: "50",
      }),
    );
    http.get("/v2.1/orders/{orderRef}", ({ response }) =>
      // @ts-expect-error an error body needs status and code as well as message
      response(404).json({ message: "Order not found" }),
    );
    http.get("/v2.1/orders/{orderRef}", ({ response }) =>
      // @ts-expect-error the spec declares no 418 for this operation
      response(418).json({ status: 418, code: 418, message: "I'm a teapot" }),
    );
    http.get("/v2.1/orders/{orderRef}", () =>
      // @ts-expect-error HttpResponse.json is checked against the operation's answers too
      HttpResponse.json({ ref: 1 }),
    );
  });
});

export { createOrderClient, type OrderClient } from "./client.js";
export type { OrderClientOptions } from "./config.js";
export * from "./errors/index.js";
export { REGION_BASE_URLS, REGIONS, type Region } from "./regions.js";
export type { components, operations, paths } from "../generated/schema.js";

export * from "./api-error.js";
export * from "./base.js";
export * from "./request-error.js";
export * from "./request-errors.js";
export * from "./transport-errors.js";

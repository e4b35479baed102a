export * from "./api-error.js";
export * from "./base.js";
export * from "./request-errors.js";

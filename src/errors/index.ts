export * from "./api-error.js";
export * from "./base.js";

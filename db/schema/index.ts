export * from "./auth";
export * from "./settings";
export * from "./email";
export * from "./articles";
export * from "./rate-limits";
export * from "./booking";
export * from "./journal";
export * from "./audit";

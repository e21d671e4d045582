export * from "./access";
export * from "./types";

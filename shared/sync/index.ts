export * from "./cursor";
export * from "./merge";
export * from "./push";

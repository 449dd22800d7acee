export * from "./cursor";
export * from "./hlc";
export * from "./merge";
export * from "./push";
export * from "./stamped";

export * from "./landmarks";
export * from "./vec";
export * from "./one-euro";
export * from "./body-points";

/** Written by scripts/nutrition/vite-plugin.ts at build time. */
declare module "virtual:food-index" {
  /** Same-origin URL of the content-hashed food index (`/nutrition/foods-v1.<hash>.json`). */
  export const FOOD_INDEX_URL: string;
  /** Its size in bytes before compression, for a progress bar when the server sends no length. */
  export const FOOD_INDEX_BYTES: number;
  /** How many foods it holds. */
  export const FOOD_COUNT: number;
}

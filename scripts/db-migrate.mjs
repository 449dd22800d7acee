// Applies the D1 migrations to the local database (used by `npm run dev`).
import { migrateLocal } from "./lib/wrangler.mjs";

migrateLocal();

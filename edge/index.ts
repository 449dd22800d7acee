import { app } from "./app";
import { scheduled } from "./observability/scheduled";

export type { AppType } from "./app";
export { HeadShard } from "./data/user-head";

export default {
  fetch: app.fetch,
  scheduled,
} satisfies ExportedHandler<Env>;

// The English catalogue, bundled with the shell: it is the source of every key's type, and the
// language the app falls back to. Other languages load on demand (see ./index.ts).
import analyze from "./locales/en/analyze.json";
import common from "./locales/en/common.json";
import diagnostics from "./locales/en/diagnostics.json";
import form from "./locales/en/form.json";
import importNs from "./locales/en/import.json";
import library from "./locales/en/library.json";
import log from "./locales/en/log.json";
import nutrition from "./locales/en/nutrition.json";
import plan from "./locales/en/plan.json";
import profile from "./locales/en/profile.json";
import sync from "./locales/en/sync.json";
import train from "./locales/en/train.json";

export const english = {
  analyze,
  common,
  diagnostics,
  form,
  import: importNs,
  library,
  log,
  nutrition,
  plan,
  profile,
  sync,
  train,
};

export type Namespace = keyof typeof english;
export const NAMESPACES = Object.keys(english) as Namespace[];

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: typeof english;
  }
}

// Words on screen and in speech: one catalogue per namespace and language (./locales), read
// through i18next. English ships in the shell and is the fallback; another language's catalogue
// loads before the first render when it is the one chosen (a few small chunks the service worker
// keeps, so it also works offline). The choice is per device, like the camera and the theme.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { english, NAMESPACES } from "./resources";

export { useTranslation, Trans } from "react-i18next";
export type { Namespace } from "./resources";

export const LANGUAGES = ["en", "de"] as const;
export type Language = (typeof LANGUAGES)[number];
/** "system" follows the browser's languages, also when they change. */
export type LanguageChoice = Language | "system";

const STORAGE_KEY = "spotter.language";

const otherCatalogues = import.meta.glob<Record<string, unknown>>(
  ["./locales/*/*.json", "!./locales/en/*.json"],
  { import: "default" },
);

void i18next.use(initReactI18next).init({
  resources: { en: english },
  lng: "en",
  fallbackLng: "en",
  supportedLngs: [...LANGUAGES],
  ns: NAMESPACES,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

i18next.on("languageChanged", (lng) => {
  if (typeof document !== "undefined") document.documentElement.lang = lng;
});

export const i18n = i18next;

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The first of the browser's preferred languages we have, else English. */
export function systemLanguage(preferred: readonly string[] = navigatorLanguages()): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

function navigatorLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function languageChoice(): LanguageChoice {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : "system";
  } catch {
    return "system";
  }
}

export function resolveChoice(choice: LanguageChoice): Language {
  return choice === "system" ? systemLanguage() : choice;
}

/** The language being shown now (what Intl formats with). */
export function currentLanguage(): Language {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lng) ? lng : "en";
}

async function loadCatalogue(lang: Language): Promise<void> {
  if (lang === "en" || i18next.hasResourceBundle(lang, "common")) return;
  await Promise.all(
    NAMESPACES.map(async (ns) => {
      const load = otherCatalogues[`./locales/${lang}/${ns}.json`];
      if (!load) throw new Error(`No ${lang} catalogue for ${ns}`);
      i18next.addResourceBundle(lang, ns, await load(), true, true);
    }),
  );
}

/** Shows `lang`, loading its catalogue first; English if it cannot be loaded. */
export async function showLanguage(lang: Language): Promise<Language> {
  try {
    await loadCatalogue(lang);
  } catch (error) {
    console.warn(`Could not load the ${lang} words; staying in English.`, error);
    lang = "en";
  }
  await i18next.changeLanguage(lang);
  return lang;
}

/** Remembers the person's choice on this device and shows it. */
export function chooseLanguage(choice: LanguageChoice): Promise<Language> {
  try {
    if (choice === "system") localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private mode without storage: the choice lasts for this visit.
  }
  return showLanguage(resolveChoice(choice));
}

let followingSystem = false;

/**
 * Before the first render: shows the chosen language. Returns undefined when that is English (no
 * wait at all), else a promise that settles once its words are in.
 */
export function startLanguage(): Promise<unknown> | undefined {
  if (!followingSystem && typeof addEventListener === "function") {
    followingSystem = true;
    addEventListener("languagechange", () => {
      if (languageChoice() === "system") void showLanguage(systemLanguage());
    });
  }
  const lang = resolveChoice(languageChoice());
  if (lang === "en") {
    if (typeof document !== "undefined") document.documentElement.lang = "en";
    return undefined;
  }
  return showLanguage(lang);
}

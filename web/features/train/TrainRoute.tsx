import { createElement, useEffect, useState, type ComponentType } from "react";
import { useTranslation } from "../../i18n";

// Train's route entry, in the shell (a few hundred bytes). Not `React.lazy`: content that replaces
// a Suspense fallback is revealed at the earliest 300 ms after the last fallback was shown (React's
// fallback throttle), so a Train chunk that arrived with the shell's paint still waited until then
// (about 270 ms of the warm start's 450). A plain state update when the chunk is in shows the page
// at once.

const importTrainPage = () => import("./TrainPage");

let loaded: ComponentType | null = null;
let pending: Promise<ComponentType> | null = null;

/** Fetches Train's page once; a failed download (offline, evicted cache) is fetched again next time. */
function loadTrainPage(): Promise<ComponentType> {
  return (pending ??= importTrainPage().then(
    (module) => (loaded = module.default),
    (error: unknown) => {
      pending = null;
      throw error;
    },
  ));
}

const opensOnTrain = () =>
  typeof location !== "undefined" && (location.pathname === "/" || location.pathname.startsWith("/train"));

/**
 * On a start at Train, resolves once its page is in (index.html preloads it beside the shell, see
 * scripts/build/start-page-preload.ts), so the first paint is the usable page and not "Loading";
 * never later than `boundMs`, nor when the download fails (the route then shows it as usual).
 */
export function startPageReady(boundMs: number): Promise<void> {
  if (!opensOnTrain()) return Promise.resolve();
  return Promise.race([
    loadTrainPage().then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, boundMs)),
  ]);
}

/** The Train page once its code is in; a download that fails is thrown to the route's error boundary. */
export function TrainRoute() {
  const { t } = useTranslation();
  const [page, setPage] = useState<{ Page: ComponentType } | null>(() => (loaded ? { Page: loaded } : null));
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (page) return;
    let current = true;
    loadTrainPage().then(
      (Page) => current && setPage({ Page }),
      (failure: unknown) => current && setError(() => failure),
    );
    return () => {
      current = false;
    };
  }, [page]);
  if (error) throw error;
  return page ? createElement(page.Page) : <p className="muted">{t("shell.loading")}</p>;
}

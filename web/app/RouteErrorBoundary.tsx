import { Component, type ReactNode } from "react";
import { Link } from "wouter";
import { useTranslation } from "../i18n";
import { retryFailedDownloads } from "./retryable-lazy";

interface Props {
  children: ReactNode;
}

interface State {
  error: unknown;
}

// Chrome, Firefox and Safari word a failed dynamic import differently; all mean "this part did not download".
const CHUNK_FAILED = /dynamically imported module|Importing a module script failed|Failed to fetch/i;

/** True when the error is a page's code that could not be downloaded (offline, or a new deploy). */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_FAILED.test(error.message);
}

/**
 * One per route: a page that throws while rendering, or whose code fails to load, shows what happened
 * and a way back, while the top bar and tabs keep working. Without it React unmounts the whole app.
 */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    // The details go to the console for a bug report; the person sees words they can act on.
    console.error("A page failed to show", error);
  }

  private readonly reset = () => {
    retryFailedDownloads();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return <RouteError chunk={isChunkLoadError(error)} onReset={this.reset} />;
  }
}

function RouteError({ chunk, onReset }: { chunk: boolean; onReset: () => void }) {
  const { t } = useTranslation("common");
  return (
    <section className="page route-error" role="alert">
      <h1>{chunk ? t("routeError.chunkTitle") : t("routeError.crashTitle")}</h1>
      <p>{chunk ? t("routeError.chunkText") : t("routeError.crashText")}</p>
      <div className="route-error-actions">
        <button type="button" onClick={onReset}>
          {t("routeError.retry")}
        </button>
        <Link href="~/train" className="route-error-back" onClick={onReset}>
          {t("routeError.back")}
        </Link>
      </div>
    </section>
  );
}

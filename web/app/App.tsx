import { lazy, Suspense, useRef } from "react";
import { Link, Redirect, Route, Switch, useLocation } from "wouter";
import { currentLinkPath, ROUTES, type AppRoute } from "./routes";
import { PwaStatus } from "./PwaStatus";
import { RouteErrorBoundary } from "./RouteErrorBoundary";
import { useRouteFocus } from "./use-route-focus";
import { InstallPrompt } from "./InstallPrompt";
import { useTranslation } from "../i18n";

// Sync starts when the app opens, from its own chunk: the shell does not wait for Dexie.
const SyncStatus = lazy(() => import("../sync/SyncStatus").then((m) => ({ default: m.SyncStatus })));

function ShellLink({ route, current, className }: { route: AppRoute; current: boolean; className: string }) {
  const { t } = useTranslation("common");
  return (
    <Link
      href={route.path}
      className={current ? `${className} active` : className}
      aria-current={current ? "page" : undefined}
    >
      <span aria-hidden="true">{route.icon}</span>
      <span className={`${className}-label`}>{t(`routes.${route.label}`)}</span>
    </Link>
  );
}

export function App() {
  const { t } = useTranslation("common");
  const [location] = useLocation();
  const current = currentLinkPath(location);
  const main = useRef<HTMLElement>(null);
  useRouteFocus(main, location);
  const links = (place: AppRoute["place"], className: string) =>
    ROUTES.filter((r) => r.place === place).map((r) => (
      <ShellLink key={r.path} route={r} current={r.path === current} className={className} />
    ));
  const topLinks = links("top", "toplink");
  const tabLinks = links("tab", "tab");
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/train" className="brand">
          {t("shell.brand")}
        </Link>
        <div className="topbar-status">
          <Suspense fallback={null}>
            <SyncStatus />
          </Suspense>
          <PwaStatus />
        </div>
        <nav className="toplinks" aria-label={t("shell.topNav")}>
          {topLinks}
        </nav>
      </header>
      <main className="content" ref={main}>
        <InstallPrompt />
        <Switch>
          {ROUTES.map(({ path, page: Page }) => (
            <Route key={path} path={path} nest>
              {/* Per route, so one failing page leaves the shell and the other pages working. */}
              <RouteErrorBoundary>
                <Suspense fallback={<p className="muted">{t("shell.loading")}</p>}>
                  <Page />
                </Suspense>
              </RouteErrorBoundary>
            </Route>
          ))}
          <Route path="/">
            <Redirect to="/train" replace />
          </Route>
          <Route>
            <p role="alert">{t("shell.noPage", { path: location })}</p>
          </Route>
        </Switch>
      </main>
      <nav className="tabs" aria-label={t("shell.mainNav")}>
        {tabLinks}
      </nav>
    </div>
  );
}

import { lazy, Suspense } from "react";
import { Link, Redirect, Route, Switch, useLocation } from "wouter";
import { ROUTES } from "./routes";
import { PwaStatus } from "./PwaStatus";

// Sync starts when the app opens, from its own chunk: the shell does not wait for Dexie.
const SyncStatus = lazy(() => import("../sync/SyncStatus").then((m) => ({ default: m.SyncStatus })));

export function App() {
  const [location] = useLocation();
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/train" className="brand">
          Spotter
        </Link>
        <div className="topbar-status">
          <Suspense fallback={null}>
            <SyncStatus />
          </Suspense>
          <PwaStatus />
        </div>
      </header>
      <main className="content">
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Switch>
            {ROUTES.map(({ path, page: Page }) => (
              <Route key={path} path={path} nest>
                <Page />
              </Route>
            ))}
            <Route path="/">
              <Redirect to="/train" replace />
            </Route>
            <Route>
              <p role="alert">There is no page at {location}.</p>
            </Route>
          </Switch>
        </Suspense>
      </main>
      <nav className="tabs" aria-label="Main">
        {ROUTES.map(({ path, label, icon }) => (
          <Link key={path} href={path} className={location.startsWith(path) ? "tab active" : "tab"}>
            <span aria-hidden="true">{icon}</span>
            <span>{label}</span>
          </Link>
        ))}
      </nav>
    </div>
  );
}

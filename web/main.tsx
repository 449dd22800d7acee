import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { startPageReady } from "./features/train/TrainRoute";
import { startLanguage } from "./i18n";
import "./app/styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// The first render waits for the start page's code (preloaded beside this script; at most 300 ms)
// and, for a language other than English, its words (never longer than loading them).
const words = startLanguage();
void Promise.all([startPageReady(300), words?.catch(() => undefined)]).then(render);
// Device metrics (web/perf) load after the page has, in their own chunk outside the shell.
addEventListener("load", () => setTimeout(() => import("./perf/start").then((m) => m.startPerfCollection())));

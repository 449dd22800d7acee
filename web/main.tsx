import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
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
// English renders at once; another language waits for its words (never longer than loading them).
const words = startLanguage();
if (words) void words.finally(render);
else render();
// Device metrics (web/perf) load after the page has, in their own chunk outside the shell.
addEventListener("load", () => setTimeout(() => import("./perf/start").then((m) => m.startPerfCollection())));

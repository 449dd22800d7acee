import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import "./app/styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Device metrics (web/perf) load after the page has, in their own chunk outside the shell.
addEventListener("load", () => setTimeout(() => import("./perf/start").then((m) => m.startPerfCollection())));

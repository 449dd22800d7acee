import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../i18n/format";
import { PERF_SAMPLE_CAP } from "../../perf/perf-store";
import { DevicePanel } from "./DevicePanel";
import { ServerPanel } from "./ServerPanel";
import "./performance.css";

export default function PerformancePage() {
  const { t } = useTranslation("diagnostics");
  useEffect(() => {
    // The benchmark's hook loads only when asked for, in its own chunk.
    if (new URLSearchParams(location.search).get("bench") === "sync") {
      void import("./bench/sync-bench").then((m) => m.installSyncBench());
    }
  }, []);
  return (
    <section className="page perf-page">
      <h1>{t("page.title")}</h1>
      <p className="muted">{t("page.intro", { samples: formatNumber(PERF_SAMPLE_CAP) })}</p>
      <DevicePanel />
      <ServerPanel />
    </section>
  );
}

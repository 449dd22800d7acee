import { useEffect, useRef, useState } from "react";
import "./analyze.css";
import { AnalysisProgressView } from "./AnalysisProgressView";
import { useTranslation } from "../../i18n";
import { analysisErrorText } from "./analyze-errors";
import { ANALYZE_MARKS, automationHooks, automationSummary, isUnreadableFile } from "./automation";
import { ExercisePicker, type ExerciseChoice } from "./ExercisePicker";
import { FilePicker } from "./FilePicker";
import { ResultView } from "./ResultView";
import { runAnalysis, type AnalysisProgress, type AnalysisResult } from "./run-analysis";
import type { PoseModelVariant } from "../../pose/assets";
import type { PoseLoadProgress } from "../../pose/pose-types";
import { deviceWorkers, type PoolStatus } from "./pose-pool";
import { usePosePool } from "./use-pose-pool";

type Stage =
  | { name: "idle" }
  | { name: "running"; loading: PoseLoadProgress["stage"] | null; progress: AnalysisProgress | null }
  | { name: "done"; result: AnalysisResult; url: string }
  | { name: "error"; error: unknown };

function modelFromQuery(): PoseModelVariant {
  const model = new URLSearchParams(window.location.search).get("model");
  return model === "full" || model === "heavy" ? model : "lite";
}

/** `?workers=1` keeps a run on one pose worker (benchmarks compare it with the default two). */
function workersFromQuery(): 1 | 2 | undefined {
  const workers = new URLSearchParams(window.location.search).get("workers");
  return workers === "1" ? 1 : workers === "2" ? 2 : undefined;
}

const PROGRESS_INTERVAL_MS = 100;

/** What the person reads about the model while picking a file. */
function ModelStatus({ status }: { status: PoolStatus }) {
  const { t } = useTranslation("analyze");
  const text =
    status.state === "loading"
      ? status.progress
        ? t(`page.loadingStage.${status.progress.stage}`)
        : t("page.loading")
      : status.state === "ready"
        ? t("page.model.ready")
        : status.state === "error"
          ? t("page.model.error")
          : t("page.model.released");
  return (
    <p className="muted" aria-live="polite" data-testid="model-status" data-state={status.state}>
      {text}
    </p>
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export default function AnalyzePage() {
  const { t } = useTranslation("analyze");
  const [stage, setStage] = useState<Stage>({ name: "idle" });
  const [exercise, setExercise] = useState<ExerciseChoice>("auto");
  const abortRef = useRef<AbortController | null>(null);
  const urlRef = useRef<string | null>(null);
  const {
    current: currentPool,
    status: poolStatus,
    refill,
  } = usePosePool(workersFromQuery() ?? deviceWorkers(), modelFromQuery());

  useEffect(
    () => () => {
      abortRef.current?.abort();
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );

  // What a person waits for, file picked to result on screen, as marks that traces and benchmarks read.
  useEffect(() => {
    if (stage.name === "done") performance.mark(ANALYZE_MARKS.shown);
  }, [stage.name]);

  const analyse = async (file: File) => {
    performance.mark(ANALYZE_MARKS.picked);
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    const hooks = automationHooks();
    setStage({ name: "running", loading: null, progress: null });
    let shownAt = -Infinity;
    try {
      const result = await runAnalysis(file, {
        model: modelFromQuery(),
        workers: workersFromQuery(),
        pool: currentPool() ?? undefined,
        signal: controller.signal,
        onLoad: (p) => setStage({ name: "running", loading: p.stage, progress: null }),
        onProgress: (progress) => {
          // Re-rendering on every frame would take main-thread time from decoding and messaging.
          const now = performance.now();
          if (now - shownAt < PROGRESS_INTERVAL_MS && progress.framesDone < progress.frameCount) return;
          shownAt = now;
          setStage({ name: "running", loading: null, progress });
        },
        onFrame: hooks ? (frame) => hooks.frame(frame) : undefined,
      });
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
      urlRef.current = URL.createObjectURL(file);
      setStage({ name: "done", result, url: urlRef.current });
      hooks?.done(automationSummary(result));
    } catch (error) {
      if (controller.signal.aborted) {
        setStage({ name: "idle" });
        return;
      }
      setStage({ name: "error", error });
      hooks?.fail({ message: errorText(error), unreadable: isUnreadableFile(error) });
    } finally {
      // The run used (and stopped) its workers: fresh ones load for the next file.
      refill();
    }
  };

  const running = stage.name === "running";
  return (
    <section className="page analyze-page">
      <h1>{t("page.title")}</h1>
      <p className="muted">{t("page.private")}</p>
      <FilePicker onFile={(file) => void analyse(file)} disabled={running} />
      {stage.name !== "done" && <ExercisePicker value={exercise} onChange={setExercise} />}
      {(stage.name === "idle" || stage.name === "error") && <ModelStatus status={poolStatus} />}
      {running && (
        <AnalysisProgressView
          progress={stage.progress}
          status={stage.loading ? t(`page.loadingStage.${stage.loading}`) : t("page.loading")}
          onCancel={() => abortRef.current?.abort()}
        />
      )}
      {stage.name === "error" && (
        <p role="alert" className="error">
          {analysisErrorText(stage.error)}
        </p>
      )}
      {stage.name === "done" && (
        <ResultView result={stage.result} url={stage.url} exercise={exercise} onExercise={setExercise} />
      )}
    </section>
  );
}

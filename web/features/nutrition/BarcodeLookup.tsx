import { useEffect, useRef, useState } from "react";
import { useTranslation } from "../../i18n";
import type { CustomFoodRow } from "../../db/records";
import { canUseCamera, scanBarcode, type ReaderKind } from "./barcode-scan";
import { CustomFoodForm } from "./CustomFoodForm";
import { messageOf } from "./labels";
import { foodByBarcode } from "./nutrition-queries";

type Lookup = { code: string; food: CustomFoodRow | null } | null;
type ScanStage = { stage: "loading-reader" | "starting-camera" | "scanning"; reader?: ReaderKind };

/** Finds one's own food by barcode, scanned (where the browser can) or typed; offers to create it when unknown. */
export function BarcodeLookup({ onFound }: { onFound: (food: CustomFoodRow) => void }) {
  const { t } = useTranslation("nutrition");
  const [code, setCode] = useState("");
  const [lookup, setLookup] = useState<Lookup>(null);
  const [creating, setCreating] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [stage, setStage] = useState<ScanStage | null>(null);
  // Which reader the last scan used, kept after it ends (diagnostics and tests read it).
  const [reader, setReader] = useState<ReaderKind | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const canScan = canUseCamera();

  const find = async (value: string) => {
    const trimmed = value.trim();
    if (!/^\d{8,14}$/.test(trimmed)) return setError(t("barcode.badCode"));
    setError(null);
    setCreating(false);
    const food = (await foodByBarcode(trimmed)) ?? null;
    setLookup({ code: trimmed, food });
    if (food) onFound(food);
  };

  useEffect(() => {
    if (!scanning || !video.current) return;
    const abort = new AbortController();
    const onStage = (next: ScanStage["stage"], reader?: ReaderKind) => {
      if (abort.signal.aborted) return;
      setStage({ stage: next, reader });
      if (reader) setReader(reader);
    };
    scanBarcode(video.current, abort.signal, { onStage })
      .then((found) => {
        setScanning(false);
        setStage(null);
        if (found) {
          setCode(found);
          void find(found);
        }
      })
      .catch((err: unknown) => {
        setScanning(false);
        setStage(null);
        // The browser refused or lacks a camera: say so, and name the way that still works.
        setError(
          err instanceof DOMException ? t("barcode.cameraFailed", { detail: err.name }) : messageOf(err),
        );
      });
    return () => {
      abort.abort();
      setStage(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scanning]);

  return (
    <section className="barcode" aria-label={t("barcode.region")} data-scan-reader={reader}>
      <h2>{t("barcode.title")}</h2>
      <form className="amount-row" onSubmit={(event) => (event.preventDefault(), void find(code))}>
        <input
          aria-label={t("barcode.number")}
          inputMode="numeric"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit">{t("barcode.find")}</button>
        {canScan && (
          <button type="button" className="secondary" onClick={() => setScanning((s) => !s)}>
            {scanning ? t("barcode.stopCamera") : t("barcode.scan")}
          </button>
        )}
      </form>
      {scanning && <video ref={video} className="barcode-video" muted playsInline />}
      {scanning && stage && (
        <p role="status" aria-label={t("barcode.scanner")}>
          {t(`barcode.stage.${stage.stage}`)}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {lookup?.food && <p role="status">{t("barcode.found", { name: lookup.food.name })}</p>}
      {lookup && !lookup.food && !creating && (
        <p role="status">
          {t("barcode.unknown", { code: lookup.code })}{" "}
          <button type="button" className="secondary" onClick={() => setCreating(true)}>
            {t("barcode.create")}
          </button>
        </p>
      )}
      {creating && lookup && (
        <CustomFoodForm
          barcode={lookup.code}
          onSaved={(food) => {
            setCreating(false);
            setLookup({ code: lookup.code, food });
            onFound(food);
          }}
        />
      )}
    </section>
  );
}

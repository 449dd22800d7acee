import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { i18n } from "../../i18n";
import { formatList, formatNumber } from "../../i18n/format";
import { faultInSentence } from "../form-words/words";
import { FRESH_MEMORY, nextAnnouncement } from "../form-words/announce";
import { NOTHING_ANNOUNCED, type Announced } from "../form-words/LiveRegion";
import { PHASE_WORDS } from "../form-words/phase-words";
import { frameIndexAt } from "./frame-lookup";
import type { FormReview } from "./judge-frames";

/**
 * While the reviewed video plays, what a screen reader hears: each rep as it finishes (its score
 * and faults in words) and, in quiet moments, the phase. Paused or seeking by hand says nothing
 * here: the timeline slider reads out where it is.
 */
export function usePlaybackAnnouncer(
  review: FormReview | null,
  videoRef: RefObject<HTMLVideoElement | null>,
): { said: Announced; onTime: (tMs: number) => void } {
  const [said, setSaid] = useState<Announced>(NOTHING_ANNOUNCED);
  const memory = useRef({ ...FRESH_MEMORY, lastTMs: -Infinity });

  // A new review (another exercise picked) starts over.
  useEffect(() => {
    memory.current = { ...FRESH_MEMORY, lastTMs: -Infinity };
  }, [review]);

  const onTime = useCallback(
    (tMs: number) => {
      const video = videoRef.current;
      if (!review || !video || video.paused) return;
      // Played back from earlier (a seek): announce from there as if fresh.
      const start = tMs < memory.current.lastTMs ? { ...FRESH_MEMORY, lastTMs: tMs } : memory.current;
      const done = review.summary.repResults.filter((r) => !r.partial && r.endMs <= tMs);
      const last = done.at(-1);
      const faults = last?.faults.map((f) => faultInSentence(review.exerciseId, f.id)) ?? [];
      const words = last && { rep: last.index + 1, score: formatNumber(Math.round(last.score)) };
      const repText = words
        ? faults.length
          ? i18n.t("analyze:announce.repWithFaults", { ...words, faults: formatList(faults) })
          : i18n.t("analyze:announce.rep", words)
        : null;
      const phase = review.verdicts[frameIndexAt(review.verdicts, tMs + 0.5)]?.phase;
      const step = nextAnnouncement(
        start,
        { reps: done.length, phase: phase ? PHASE_WORDS[phase] : null, cue: repText },
        tMs,
      );
      memory.current = { ...step.memory, lastTMs: tMs };
      const text = step.text;
      if (text) setSaid((s) => ({ text, serial: s.serial + 1 }));
    },
    [review, videoRef],
  );
  return { said, onTime };
}

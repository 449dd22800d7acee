import type { ExerciseId, FaultId } from "../../../shared/form";
import { faultLimit, faultSpec } from "../../../shared/form/labels";
import { inShownUnit, METRIC_LABELS } from "../../../shared/form/metric-labels";
import type { MetricName } from "../../../shared/form/metric-names";
import { formatNumber } from "../../i18n/format";
import { formText } from "./words";

/**
 * A value in the metric's unit, without its name, in the language on screen: "92°", "10% of leg
 * length", "12° below the shoulder–ankle line". `digits` is kept for limits such as 11.5°.
 */
export function metricValueWords(name: MetricName, value: number, digits = 0): string {
  const spec = METRIC_LABELS[name];
  const shown = inShownUnit(spec.unit, value);
  const text = formText(`unit.${spec.unit}`, {
    // "0°", never "-0°" for a small negative value rounded away.
    value: formatNumber(spec.sides ? Math.abs(shown) : shown, {
      maximumFractionDigits: digits,
      signDisplay: "negative",
    }),
  });
  if (!spec.sides) return text;
  return formText("measure.sided", {
    value: text,
    side: formText(`sides.${name}.${value < 0 ? "negative" : "positive"}`),
  });
}

/** A named measurement: "Knee angle 92°", "Hips 12° below the shoulder–ankle line". */
export function metricWords(name: MetricName, value: number): string {
  return formText("measure.named", { name: metricSubject(name), value: metricValueWords(name, value) });
}

// A signed measure is named by what it measures ("Hips"), so its value can say the side.
const metricSubject = (name: MetricName) =>
  METRIC_LABELS[name].sides ? formText(`sides.${name}.subject`) : formText(`metric.${name}`);

/**
 * One line saying why a fault was called: what was measured and the limit ("Torso lean 30°; the
 * limit is 22°."). Without `measured` it names the measure and the limit only. Undefined when the
 * exercise does not judge this fault.
 */
export function faultWhyWords(
  exerciseId: ExerciseId,
  faultId: FaultId,
  measured?: number,
): string | undefined {
  const spec = faultSpec(exerciseId, faultId);
  if (!spec) return undefined;
  const limit = metricValueWords(spec.metric, faultLimit(spec), 1);
  // A signed measure says its side in the value, so "limit" reads right whichever way the fault
  // goes; an unsigned one judged from below needs to reach its limit.
  const short = spec.direction === "below" && !METRIC_LABELS[spec.metric].sides;
  if (measured !== undefined) {
    return formText(short ? "why.measuredShort" : "why.measuredPast", {
      measured: metricWords(spec.metric, measured),
      limit,
    });
  }
  return formText(short ? "why.short" : "why.past", { name: metricSubject(spec.metric), limit });
}

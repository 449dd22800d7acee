// Tiny SVG charts for report.md: no dependencies, readable in any Markdown viewer.
const W = 640;
const H = 240;
const PAD = { left: 56, right: 16, top: 28, bottom: 36 };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1));

function frame(title: string, maxY: number, unit: string, body: string): string {
  const plotH = H - PAD.top - PAD.bottom;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = PAD.top + plotH * (1 - f);
    return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#e2e8f0"/><text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${fmt(maxY * f)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${PAD.left}" y="18" font-size="13" font-weight="bold">${esc(title)}</text>
<text x="12" y="${PAD.top + plotH / 2}" font-size="11" transform="rotate(-90 12 ${PAD.top + plotH / 2})" text-anchor="middle">${esc(unit)}</text>
${ticks.join("\n")}
${body}
</svg>
`;
}

/** A line over evenly spaced points, with an optional dashed goal line. */
export function lineChart(title: string, unit: string, values: number[], goal?: number): string {
  const maxY = Math.max(1, ...values, goal ?? 0) * 1.1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (values.length <= 1 ? 0 : (plotW * i) / (values.length - 1));
  const y = (v: number) => PAD.top + plotH * (1 - v / maxY);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const goalLine =
    goal === undefined
      ? ""
      : `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(goal)}" y2="${y(goal)}" stroke="#dc2626" stroke-dasharray="6 4"/><text x="${W - PAD.right}" y="${y(goal) - 4}" text-anchor="end" font-size="11" fill="#dc2626">goal ${fmt(goal)}</text>`;
  const xLabel = `<text x="${PAD.left + plotW / 2}" y="${H - 8}" text-anchor="middle" font-size="11">second of the run (1..${values.length})</text>`;
  return frame(
    title,
    maxY,
    unit,
    `${goalLine}<polyline fill="none" stroke="#0284c7" stroke-width="2" points="${points}"/>${xLabel}`,
  );
}

/** Labelled bars, with an optional dashed goal line. */
export function barChart(
  title: string,
  unit: string,
  bars: { label: string; value: number }[],
  goal?: number,
): string {
  const maxY = Math.max(1, ...bars.map((b) => b.value), goal ?? 0) * 1.1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, bars.length);
  const y = (v: number) => PAD.top + plotH * (1 - v / maxY);
  const rects = bars.map((b, i) => {
    const x0 = PAD.left + i * slot + slot * 0.15;
    return `<rect x="${x0.toFixed(1)}" y="${y(b.value).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${(PAD.top + plotH - y(b.value)).toFixed(1)}" fill="#0284c7"/><text x="${(x0 + slot * 0.35).toFixed(1)}" y="${(y(b.value) - 4).toFixed(1)}" text-anchor="middle" font-size="11">${fmt(b.value)}</text><text x="${(x0 + slot * 0.35).toFixed(1)}" y="${H - 20}" text-anchor="middle" font-size="10">${esc(b.label)}</text>`;
  });
  const goalLine =
    goal === undefined
      ? ""
      : `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(goal)}" y2="${y(goal)}" stroke="#dc2626" stroke-dasharray="6 4"/><text x="${W - PAD.right}" y="${y(goal) - 4}" text-anchor="end" font-size="11" fill="#dc2626">goal ${fmt(goal)}</text>`;
  return frame(title, maxY, unit, `${goalLine}${rects.join("\n")}`);
}

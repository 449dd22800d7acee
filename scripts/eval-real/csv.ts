import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/** Splits one CSV line into fields; quoted fields may hold commas and doubled quotes. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** A CSV file as a header and rows of fields (gzip read when the name ends in .gz). */
export function readCsv(path: string): { header: string[]; rows: string[][] } {
  const raw = readFileSync(path);
  const text = (path.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const [head = "", ...rest] = lines;
  return { header: splitCsvLine(head), rows: rest.map(splitCsvLine) };
}

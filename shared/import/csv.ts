import Papa from "papaparse";
import { ImportFileError } from "./types";

/** A CSV file as a header and rows of cells, each row keyed by column name. */
export interface CsvTable {
  header: string[];
  rows: Record<string, string>[];
  delimiter: string;
}

/**
 * Parses CSV text with papaparse (quoted fields, embedded newlines and delimiters, a byte-order
 * mark), finding the delimiter itself: Strong's older exports use semicolons.
 */
export function parseCsv(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw new ImportFileError("empty_file", "The file is empty.");
  const result = Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
    transformHeader: (name) => name.trim(),
  });
  const header = result.meta.fields ?? [];
  if (header.length < 2)
    throw new ImportFileError("bad_file", "The file is not a table of columns.", "not_a_table");
  return { header, rows: result.data, delimiter: result.meta.delimiter };
}

/** Writes rows as CSV the way spreadsheet apps read it: quoted where needed, CRLF line ends. */
export function writeCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((row) => [...row]) }, { newline: "\r\n" });
}

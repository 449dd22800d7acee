import { EXERCISE_IDS, isExerciseId, type ExerciseId } from "../../shared/form/index.ts";
import { AnalyzeCliError } from "./errors.ts";

export interface CliOptions {
  input: string;
  exercise?: ExerciseId;
  model: "lite" | "full";
  json: boolean;
}

export const USAGE = `Usage: npm run analyze -- <image|video|landmarks.jsonl> [--exercise <id>] [--model lite|full] [--json]
Exercises: ${EXERCISE_IDS.join(", ")}`;

/** Parses the command line; throws a usage error for anything it does not understand. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: Partial<CliOptions> & { model: CliOptions["model"]; json: boolean } = {
    model: "lite",
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new AnalyzeCliError("usage", `${arg} needs a value.\n${USAGE}`);
      return next;
    };
    if (arg === "--json") options.json = true;
    else if (arg === "--exercise") {
      const id = value();
      if (!isExerciseId(id)) throw new AnalyzeCliError("usage", `Unknown exercise "${id}".\n${USAGE}`);
      options.exercise = id;
    } else if (arg === "--model") {
      const model = value();
      if (model !== "lite" && model !== "full")
        throw new AnalyzeCliError("usage", `--model must be lite or full.`);
      options.model = model;
    } else if (arg.startsWith("--")) throw new AnalyzeCliError("usage", `Unknown option ${arg}.\n${USAGE}`);
    else if (options.input === undefined) options.input = arg;
    else throw new AnalyzeCliError("usage", `Only one input file, please.\n${USAGE}`);
  }
  if (options.input === undefined) throw new AnalyzeCliError("usage", USAGE);
  return { ...options, input: options.input };
}

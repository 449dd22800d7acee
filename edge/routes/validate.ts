import { sValidator } from "@hono/standard-validator";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { ValidationTargets } from "hono";
import type { GenericSchema } from "valibot";
import { ApiError } from "../http/errors";

type IssuePath = StandardSchemaV1.Issue["path"];

const pathText = (path: IssuePath): string =>
  (path ?? []).map((segment) => String(typeof segment === "object" ? segment.key : segment)).join(".");

/**
 * Validates one part of the request with a shared valibot schema; a failure is a 400
 * `validation_failed` with the issues (path and message) as details. Typed for `hc<AppType>`.
 */
export const valid = <Target extends keyof ValidationTargets, Schema extends GenericSchema>(
  target: Target,
  schema: Schema,
) =>
  sValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.map((issue) => ({ path: pathText(issue.path), message: issue.message }));
      throw new ApiError(400, "validation_failed", `Invalid ${target}.`, issues);
    }
  });

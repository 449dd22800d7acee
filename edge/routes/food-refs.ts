import { unresolvedCustomFoodRefs } from "../../shared/nutrition/food-refs";
import type { ValidMutation } from "../../shared/sync/push";
import type { Db } from "../data/db";
import type { RequestMetrics } from "../http/request-metrics";
import { ApiError } from "../http/errors";

const UNKNOWN_FOOD = "No food of yours has this id; push the food first or with it.";

/**
 * Refuses a push whose meal entries or recipes point at a custom food the user does not have and
 * that the push does not bring: a 400 naming the field, like any other invalid value. One query
 * per push, whatever its size. A deleted food still counts as the user's (its tombstone row): an
 * entry logged offline before the delete reached this device must still sync.
 */
export async function refuseUnknownCustomFoods(
  db: Db,
  metrics: RequestMetrics,
  userId: string,
  mutations: readonly ValidMutation[],
): Promise<void> {
  const refs = unresolvedCustomFoodRefs(mutations);
  if (refs.length === 0) return;
  const ids = [...new Set(refs.map((r) => r.foodId))];
  const { results } = await metrics.db(() =>
    db
      .prepare(
        "SELECT id FROM records WHERE user_id = ? AND entity = 'food' AND id IN (SELECT value FROM json_each(?))",
      )
      .bind(userId, JSON.stringify(ids))
      .all<{ id: string }>(),
  );
  const known = new Set(results.map((row) => row.id));
  const unknown = refs.filter((r) => !known.has(r.foodId));
  const [first] = unknown;
  if (!first) return;
  throw new ApiError(
    400,
    "validation_failed",
    `Mutation ${first.mutationId}: ${first.field}: ${UNKNOWN_FOOD}`,
    unknown.map((r) => ({ index: r.index, id: r.mutationId, message: `${r.field}: ${UNKNOWN_FOOD}` })),
  );
}

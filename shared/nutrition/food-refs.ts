import type { ValidMutation } from "../sync/push";

/** One place in a push that points at a custom food by id. */
export interface CustomFoodRef {
  /** The mutation's id, as the client numbered it. */
  mutationId: number;
  /** Its position in the push. */
  index: number;
  /** The field holding the id, as a validation message names it (`food.foodId`, `ingredients.2.food.foodId`). */
  field: string;
  foodId: string;
}

type FoodRefLike = { source?: unknown; foodId?: unknown };

const customId = (food: unknown): string | null => {
  const ref = food as FoodRefLike | null | undefined;
  return ref?.source === "custom" && typeof ref.foodId === "string" ? ref.foodId : null;
};

/** The fields a mutation writes: a put's whole record, or a patch's set fields. */
const writtenFields = (m: ValidMutation): Record<string, unknown> | null =>
  m.op === "put" ? m.record : m.op === "patch" ? m.patch.set : null;

/**
 * Every custom food id that a validated push's meal entries and recipes point to, except foods
 * the same push puts (a food created offline arrives with the entries that use it). The server
 * checks what is left against the user's own foods in one query.
 */
export function unresolvedCustomFoodRefs(mutations: readonly ValidMutation[]): CustomFoodRef[] {
  const arriving = new Set(mutations.filter((m) => m.entity === "food" && m.op === "put").map((m) => m.key));
  const refs: CustomFoodRef[] = [];
  mutations.forEach((m, index) => {
    const fields = writtenFields(m);
    if (!fields) return;
    const add = (field: string, food: unknown) => {
      const foodId = customId(food);
      if (foodId !== null && !arriving.has(foodId)) refs.push({ mutationId: m.id, index, field, foodId });
    };
    if (m.entity === "mealEntry") add("food.foodId", fields.food);
    if (m.entity === "food" && Array.isArray(fields.ingredients)) {
      fields.ingredients.forEach((ingredient: unknown, i) =>
        add(`ingredients.${i}.food.foodId`, (ingredient as { food?: unknown } | null)?.food),
      );
    }
  });
  return refs;
}

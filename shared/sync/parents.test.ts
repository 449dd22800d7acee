import { describe, expect, it } from "vitest";
import { ENTITY_KINDS, ENTITY_DEFINITIONS } from "../schemas/entities";
import { childrenOf, PARENT_OF } from "./parents";

describe("parent links", () => {
  it("name a workout's sets as its children", () => {
    expect(childrenOf("workout")).toEqual([{ entity: "set", field: "workoutId" }]);
    expect(childrenOf("set")).toEqual([]);
  });

  it("point from a field every child record has to a kind that exists", () => {
    for (const [child, link] of Object.entries(PARENT_OF)) {
      expect(ENTITY_KINDS).toContain(child);
      expect(ENTITY_KINDS).toContain(link.entity);
      expect(
        Object.keys(ENTITY_DEFINITIONS[child as keyof typeof ENTITY_DEFINITIONS].schema.entries),
      ).toContain(link.field);
    }
  });
});

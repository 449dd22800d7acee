import type { EntityKind } from "../schemas/entities";

/** A record kind that lives under another: deleting the parent deletes it. */
export interface ParentLink {
  entity: EntityKind;
  /** The child's field holding the parent's key. */
  field: string;
}

/**
 * Parent of each child kind. A set belongs to its workout: deleting the workout deletes its sets
 * on every device, and a set written under a deleted workout is refused (ignored) by the server.
 */
export const PARENT_OF: Partial<Record<EntityKind, ParentLink>> = {
  set: { entity: "workout", field: "workoutId" },
};

/** Child kinds of `entity`, with the field that points to it. */
export function childrenOf(entity: EntityKind): { entity: EntityKind; field: string }[] {
  return (Object.entries(PARENT_OF) as [EntityKind, ParentLink][])
    .filter(([, link]) => link.entity === entity)
    .map(([child, link]) => ({ entity: child, field: link.field }));
}

import { and, eq, exists, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { exercises, practiceAssignments } from "@/db/schema";

/**
 * Which exercises a client may open (and hear): those in the library, and an archived one that
 * was given to them as homework, so that archiving never takes a client's homework away.
 */
export function openToClient(db: Db, clientId: string): SQL {
  return or(
    eq(exercises.archived, false),
    exists(
      db
        .select({ id: practiceAssignments.id })
        .from(practiceAssignments)
        .where(and(eq(practiceAssignments.exerciseId, exercises.id), eq(practiceAssignments.clientId, clientId))),
    ),
  )!;
}

import type { Db } from "@/db";
import { clientAccount } from "@/lib/clients/accounts";

/** A promise and the function that settles it: holds a transaction open until the test says so. */
export function gate() {
  let open!: () => void;
  const closed = new Promise<void>((resolve) => (open = resolve));
  return { closed, open };
}

/**
 * Runs `work` while the client's account is locked as its deletion's first step locks it (nothing
 * erased yet), on a connection of its own; then ends that transaction without deleting anything.
 */
export async function whileBeingDeleted<T>(db: Db, clientId: string, work: () => Promise<T>): Promise<T> {
  const deletionGoesOn = gate();
  let locked!: () => void;
  const accountLocked = new Promise<void>((resolve) => (locked = resolve));
  const deletion = db.transaction(async (tx) => {
    await clientAccount(tx, clientId, "nicht gefunden", { forDeletion: true });
    locked();
    await deletionGoesOn.closed;
  });
  await Promise.race([accountLocked, deletion]);
  try {
    return await work();
  } finally {
    deletionGoesOn.open();
    await deletion;
  }
}

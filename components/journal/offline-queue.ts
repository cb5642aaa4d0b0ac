/**
 * Journal entries written without a connection wait on this device, in IndexedDB, until it is
 * back. Each carries the id of the person who wrote it: it is sent only while that person is
 * signed in (`flushQueue` skips anyone else's), and signing out deletes the whole store
 * (components/pwa/device-data.ts).
 */

export const QUEUE_DB = "praxis-journal";
const STORE = "queue";

export type QueuedEntry = { key?: number; userId: string; body: Record<string, unknown>; queuedAt: string };

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(QUEUE_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key", autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = run(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

export async function queueEntry(userId: string, body: Record<string, unknown>): Promise<void> {
  const item: QueuedEntry = { userId, body, queuedAt: new Date().toISOString() };
  await withStore("readwrite", (store) => store.add(item));
}

export async function queuedFor(userId: string): Promise<QueuedEntry[]> {
  const all = await withStore<QueuedEntry[]>("readonly", (store) => store.getAll());
  return all.filter((item) => item.userId === userId);
}

/**
 * Sends the signed-in person's waiting entries, oldest first. An entry leaves the queue once the
 * server took it (201) or refused it for good (400: it would never pass); on no connection, a
 * lost session (401) or a server error it waits for the next try. Returns how many were saved.
 */
export async function flushQueue(userId: string): Promise<{ sent: number; refused: number }> {
  let sent = 0;
  let refused = 0;
  for (const item of await queuedFor(userId)) {
    let status: number;
    try {
      const response = await fetch("/api/journal", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(item.body),
      });
      status = response.status;
    } catch {
      break;
    }
    if (status === 201 || status === 400) {
      await withStore("readwrite", (store) => store.delete(item.key!));
      if (status === 201) sent += 1;
      else refused += 1;
    } else {
      break;
    }
  }
  return { sent, refused };
}

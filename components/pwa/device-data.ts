import { QUEUE_DB } from "@/components/journal/offline-queue";

/**
 * What the client area leaves on a device: the service worker, its caches (the journal form's
 * shell) and the queue of entries written offline. Signing out removes all of it, so the next
 * person on a shared phone finds no health page and no one else's entry.
 */
export async function clearDeviceData(): Promise<void> {
  await retireWorker();
  const steps: Promise<unknown>[] = [];
  if ("caches" in window) steps.push(caches.keys().then((keys) => Promise.all(keys.map((key) => caches.delete(key)))));
  if ("indexedDB" in window) {
    steps.push(
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(QUEUE_DB);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
    );
  }
  if ("serviceWorker" in navigator) {
    steps.push(navigator.serviceWorker.getRegistrations().then((all) => Promise.all(all.map((registration) => registration.unregister()))));
  }
  await Promise.allSettled(steps);
}

/** Tells the worker controlling this page to stop caching and empty its caches; waits for it (at most a second). */
function retireWorker(): Promise<void> {
  const worker = "serviceWorker" in navigator ? navigator.serviceWorker.controller : null;
  if (!worker) return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    setTimeout(resolve, 1000);
    worker.postMessage({ type: "sign-out" }, [channel.port2]);
  });
}

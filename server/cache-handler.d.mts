/** Next's page and data cache with one staleness rule shared by every instance (see cache-handler.mjs). */
declare const SharedRevalidationCache: new (context: object) => {
  get(key: string, context: object): Promise<unknown>;
  set(key: string, data: unknown, context: object): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
};
export default SharedRevalidationCache;

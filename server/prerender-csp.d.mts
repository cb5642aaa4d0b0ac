import type { ServerResponse } from "node:http";

export declare function policyFor(csp: string, fromPrerenderCache: boolean): string;
export declare function inlineScriptsOnlyFromCache(res: ServerResponse): void;

import type { IncomingMessage, ServerResponse } from "node:http";

export declare function policyFor(csp: string, fromPrerenderCache: boolean): string;
export declare function mayComeFromCache(req: Pick<IncomingMessage, "method" | "headers">): boolean;
export declare function inlineScriptsOnlyFromCache(req: IncomingMessage, res: ServerResponse): void;

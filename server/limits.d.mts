export declare const BODY_LIMIT_BYTES: number;

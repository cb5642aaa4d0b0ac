export declare const BODY_LIMIT_BYTES: number;
export declare const IMAGE_UPLOAD_LIMIT_BYTES: number;
export declare const IMAGE_UPLOAD_PATH: string;
export declare const AUDIO_UPLOAD_LIMIT_BYTES: number;
export declare const AUDIO_UPLOAD_PATH: string;
export declare function bodyLimitFor(method: string | undefined, url: string | undefined): number;

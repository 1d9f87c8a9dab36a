/** Declarations for ensure-build.mjs (used by the tests' setup). */
export declare function buildNeeded(): boolean;
export declare function ensureBuild(options?: { quiet?: boolean }): boolean;

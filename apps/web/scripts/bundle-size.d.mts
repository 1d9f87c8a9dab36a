/** Declarations for bundle-size.mjs (used by test/bundle-size.test.ts). */
export declare const DIST_DIR: string;
export interface ChunkSize {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}
export interface EntrySize {
  readonly name: string;
  readonly file: string;
  readonly js: readonly string[];
  readonly css: readonly string[];
  readonly jsGzip: number;
  readonly cssGzip: number;
}
export declare function measure(distDir?: string): { entries: EntrySize[]; chunks: ChunkSize[] };

/** Types for bin/dist-freshness.js (plain JavaScript, so that bin/lumen.js runs without tsx). */
export declare const SOURCE_DIRS: string[];
export declare const STAMP_FILE: string;
/** True when `root`'s dist/ was built after every file under the source folders last changed. */
export declare function isDistFresh(root: string): boolean;

// Types of system-tools.mjs for the TypeScript tests that launch Chromium.
export declare const chromiumArgs: string[];
export declare function ensureChromium(options?: { log?: (message: string) => void }): string;
export declare function ensurePdftotext(options?: { log?: (message: string) => void }): string;

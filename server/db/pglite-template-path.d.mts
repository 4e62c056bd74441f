// Types of pglite-template-path.mjs.
export declare function templatePath(): string;

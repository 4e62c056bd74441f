// ua-parser-js 1.x ships no types: the part of its API that device-label.ts uses.
declare module 'ua-parser-js' {
  interface UAResult {
    browser: { name?: string; version?: string; major?: string };
    os: { name?: string; version?: string };
    device: { vendor?: string; model?: string; type?: string };
  }
  export class UAParser {
    constructor(ua?: string);
    getResult(): UAResult;
  }
}

// Mocha's BDD functions, which @web/test-runner installs as globals before a test file runs.
// Importing them from here keeps their types out of the global scope the server tests share.
type Done = (error?: unknown) => void;
type Callback = (this: unknown, done: Done) => void | Promise<unknown>;
type Suite = (title: string, body: () => void) => void;
type Test = (title: string, body?: Callback) => void;
type Hook = (body: Callback) => void;

interface MochaBdd {
  describe: Suite & { only: Suite; skip: Suite };
  it: Test & { only: Test; skip: Test };
  before: Hook;
  after: Hook;
  beforeEach: Hook;
  afterEach: Hook;
}

const bdd = globalThis as unknown as MochaBdd;

export const describe = bdd.describe;
export const it = bdd.it;
export const before = bdd.before;
export const after = bdd.after;
export const beforeEach = bdd.beforeEach;
export const afterEach = bdd.afterEach;

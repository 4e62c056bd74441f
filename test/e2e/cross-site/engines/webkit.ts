import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { freePort } from '../../../support/free-port.ts';
import type { BrowserWindow, CustomerBrowser, EngineConfiguration } from '../customer-browser.ts';
import { findExpression, nothingAt, type Path } from '../deep-query.ts';
import { WebDriverSession } from '../webdriver-client.ts';

const MINIBROWSER = process.env.WEBKIT_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * WebKitGTK's MiniBrowser driven by WebKitWebDriver (Debian's webkit2gtk-driver) on its own
 * Xvfb display, with the default `no-third-party` cookie policy: Safari without CHIPS. It has
 * no host-resolver switch, so it reaches the test sites through a CONNECT proxy that maps
 * `*.test` to loopback; the test CA is accepted through `acceptInsecureCerts`.
 */
export const webkitNoThirdParty: EngineConfiguration = {
  id: 'webkit',
  title: 'WebKit (WebKitGTK MiniBrowser), cookies policy no-third-party',
  async launch({ proxyUrl }) {
    const display = await startXvfb();
    let driver: ChildProcess | undefined;
    try {
      const port = await freePort();
      driver = spawn('WebKitWebDriver', [`--port=${port}`], { env: { ...process.env, DISPLAY: display.name }, stdio: 'ignore' });
      const driverUrl = `http://127.0.0.1:${port}`;
      await waitForDriver(driverUrl, driver);
      const session = await WebDriverSession.create(driverUrl, {
        acceptInsecureCerts: true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', '--cookies-policy=no-third-party', `--proxy=${proxyUrl}`] },
      });
      await session.setWindowRect({ width: 1280, height: 900 }).catch(() => undefined);
      const running = driver;
      return webDriverBrowser(session, async () => {
        await session.end().catch(() => undefined);
        await stop(running);
        await display.stop();
      });
    } catch (error) {
      if (driver) await stop(driver);
      await display.stop();
      throw error;
    }
  },
};

function webDriverBrowser(session: WebDriverSession, close: () => Promise<void>): CustomerBrowser {
  // WebDriver drives one window at a time: each window switches to itself before a command.
  let current: string | null = null;
  const windowFor = (handle: string): BrowserWindow => {
    const focus = async () => {
      if (current !== handle) await session.switchToWindow(handle);
      current = handle;
    };
    const element = async (path: Path, text?: RegExp) => {
      await focus();
      const found = await session.execute<unknown>(`return ${findExpression(path, text)};`);
      if (!WebDriverSession.isElement(found)) throw nothingAt(path, text);
      return found;
    };
    return {
      goto: async (url) => (await focus(), void (await session.navigate(url))),
      reload: async () => (await focus(), void (await session.refresh())),
      url: async () => (await focus(), session.currentUrl()),
      evaluate: async <T>(expression: string) => (await focus(), session.execute<T>(`return ${expression};`)),
      click: async (path, text) => void (await session.click(await element(path, text))),
      async fill(path, value) {
        const input = await element(path);
        await session.clear(input);
        await session.type(input, value);
      },
      screenshot: async (file) => (await focus(), writeFile(file, await session.screenshot())),
      isClosed: async () => !(await session.windowHandles()).includes(handle),
      async close() {
        await focus();
        await session.closeWindow();
        current = null;
      },
    };
  };
  return {
    async firstWindow() {
      const [handle] = await session.windowHandles();
      return windowFor(handle!);
    },
    async windowOpenedBy(action, timeoutMs) {
      const before = new Set(await session.windowHandles());
      await action();
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const fresh = (await session.windowHandles()).find((handle) => !before.has(handle));
        if (fresh) return windowFor(fresh);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return null;
    },
    close,
  };
}

/** An Xvfb server on a display number it picks itself (`-displayfd`), so parallel runs don't collide. */
async function startXvfb(): Promise<{ name: string; stop(): Promise<void> }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    xvfb.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb stopped (exit ${code})`)));
    xvfb.once('error', reject);
  });
  return { name: `:${number}`, stop: () => stop(xvfb) };
}

async function waitForDriver(url: string, driver: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver stopped (exit ${driver.exitCode})`);
    const ready = await fetch(`${url}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('WebKitWebDriver did not answer within 15 s');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

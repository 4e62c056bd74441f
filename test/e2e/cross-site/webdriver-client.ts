/**
 * The few W3C WebDriver commands the cross-site journey needs, over plain `fetch` (the
 * protocol is JSON over HTTP). selenium-webdriver's current releases need Node 22 and
 * webdriverio brings a large tree for these dozen calls, so this stays small and typed.
 * https://www.w3.org/TR/webdriver2/
 */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export interface ElementReference {
  [ELEMENT]: string;
}

export class WebDriverError extends Error {
  constructor(
    readonly error: string,
    message: string,
  ) {
    super(`${error}: ${message}`);
    this.name = 'WebDriverError';
  }
}

export class WebDriverSession {
  private constructor(private readonly base: string) {}

  static async create(driverUrl: string, capabilities: Record<string, unknown>): Promise<WebDriverSession> {
    const value = await call<{ sessionId: string }>('POST', `${driverUrl}/session`, { capabilities: { alwaysMatch: capabilities } });
    return new WebDriverSession(`${driverUrl}/session/${value.sessionId}`);
  }

  private send<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return call<T>(method, `${this.base}${path}`, body);
  }

  navigate = (url: string) => this.send<null>('POST', '/url', { url });
  refresh = () => this.send<null>('POST', '/refresh', {});
  currentUrl = () => this.send<string>('GET', '/url');
  execute = <T>(script: string, args: unknown[] = []) => this.send<T>('POST', '/execute/sync', { script, args });
  click = (element: ElementReference) => this.send<null>('POST', `/element/${element[ELEMENT]}/click`, {});
  clear = (element: ElementReference) => this.send<null>('POST', `/element/${element[ELEMENT]}/clear`, {});
  type = (element: ElementReference, text: string) => this.send<null>('POST', `/element/${element[ELEMENT]}/value`, { text });
  windowHandles = () => this.send<string[]>('GET', '/window/handles');
  switchToWindow = (handle: string) => this.send<null>('POST', '/window', { handle });
  closeWindow = () => this.send<string[]>('DELETE', '/window');
  setWindowRect = (rect: { width: number; height: number }) => this.send<unknown>('POST', '/window/rect', rect);
  /** A PNG of the current window's viewport. */
  screenshot = async () => Buffer.from(await this.send<string>('GET', '/screenshot'), 'base64');
  end = () => this.send<null>('DELETE', '');

  static isElement(value: unknown): value is ElementReference {
    return typeof value === 'object' && value !== null && ELEMENT in value;
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = (await response.json()) as { value: T | { error: string; message: string } };
  const value = payload.value as { error?: string; message?: string } | null;
  if (!response.ok || (value && typeof value === 'object' && 'error' in value && value.error)) {
    throw new WebDriverError(value?.error ?? `HTTP ${response.status}`, value?.message ?? '');
  }
  return payload.value as T;
}

// The system programs the tests use, from Debian's packages: Chromium (browser tests),
// Firefox ESR, WebKitGTK's WebDriver and Xvfb (the cross-site browser matrix) and poppler's
// pdftotext (reading generated PDFs as a PDF reader does). Where one is missing and
// we run as root on Debian, it is installed with apt-get (no test tool downloads anything of
// its own); otherwise we stop with an instruction.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canApt = isRoot && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
let aptUpdated = false;

function aptInstall(pkg, log) {
  log(`Installing Debian's ${pkg} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  aptUpdated = true;
  execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env });
}

function ensure({ candidates, pkg, instruction, log }) {
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  if (canApt) {
    aptInstall(pkg, log);
    const installed = candidates.find((path) => path && existsSync(path));
    if (installed) return installed;
  }
  throw new Error(instruction);
}

/** CHROME_PATH, else Debian's /usr/bin/chromium. */
export function ensureChromium({ log = console.error } = {}) {
  return ensure({
    candidates: [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
    pkg: 'chromium',
    instruction:
      'No Chromium found for the browser tests. Install it (Debian/Ubuntu: "sudo apt-get install chromium") ' +
      'or set CHROME_PATH to a Chromium or Chrome executable.',
    log,
  });
}

/** poppler's pdftotext, which the document tests read PDFs with. */
export function ensurePdftotext({ log = console.error } = {}) {
  return ensure({
    candidates: ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'],
    pkg: 'poppler-utils',
    instruction: 'No pdftotext found for the document tests. Install poppler-utils (Debian/Ubuntu: "sudo apt-get install poppler-utils").',
    log,
  });
}

/** FIREFOX_PATH, else Debian's Firefox ESR (the browser matrix drives it over WebDriver BiDi). */
export function ensureFirefox({ log = console.error } = {}) {
  return ensure({
    candidates: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'],
    pkg: 'firefox-esr',
    instruction:
      'No Firefox ESR found for the browser matrix. Install it (Debian: "sudo apt-get install firefox-esr") or set FIREFOX_PATH to a Firefox executable.',
    log,
  });
}

/** WebKitGTK's WebDriver and its MiniBrowser (Debian's webkit2gtk-driver), for the WebKit row of the matrix. */
export function ensureWebKitDriver({ log = console.error } = {}) {
  return ensure({
    candidates: ['/usr/bin/WebKitWebDriver'],
    pkg: 'webkit2gtk-driver',
    instruction: 'No WebKitWebDriver found for the browser matrix. Install it (Debian: "sudo apt-get install webkit2gtk-driver").',
    log,
  });
}

/** Xvfb, the display WebKitGTK's MiniBrowser runs on (it has no headless mode). */
export function ensureXvfb({ log = console.error } = {}) {
  return ensure({
    candidates: ['/usr/bin/Xvfb'],
    pkg: 'xvfb',
    instruction: 'No Xvfb found for the browser matrix. Install it (Debian: "sudo apt-get install xvfb").',
    log,
  });
}

/** Flags for a headless Chromium on a closed network, possibly as root. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

// The standalone portal page's navigation: one area at a time, chosen by `?view=` so that every
// area has an address (the e-mails' login links land on `/?view=levelezes&document=<id>`).
// Plain links work without this script; with it, switching keeps the page (and the session
// check) and moves focus to the area's heading for keyboard and screen-reader users.
const VIEWS = ['attekintes', 'szerzodesek', 'szamlak', 'karbejelentes', 'levelezes', 'adataim'];
const DEFAULT_VIEW = 'attekintes';

function currentView(url) {
  const view = new URL(url).searchParams.get('view');
  return VIEWS.includes(view) ? view : DEFAULT_VIEW;
}

function show(view, { focus }) {
  for (const area of document.querySelectorAll('.area[data-view]')) area.hidden = area.dataset.view !== view;
  for (const link of document.querySelectorAll('.site-nav a[data-view]')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const heading = document.getElementById(`${view}-cim`);
  const portal = document.documentElement.lang === 'en' ? 'Customer portal' : 'Ügyfélportál';
  document.title = `${heading?.textContent ?? portal} – ${portal} – Gránit Pont Biztosító`;
  if (focus) {
    // The customer has moved on: the portal's "logged in" notice has done its job.
    document.querySelector('gp-portal')?.dismissNotice?.();
    heading?.focus();
  }
}

/** A mailbox deep link: the document the e-mail was about is highlighted after log-in. */
function applyDeepLink(url) {
  const document_ = new URL(url).searchParams.get('document');
  const mailbox = document.querySelector('gp-mailbox');
  if (mailbox && document_ && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(document_)) mailbox.setAttribute('document-id', document_);
}

// On a narrow screen the navigation collapses into a menu button (without this script the links
// simply wrap). Choosing an area, Escape or a click elsewhere closes it.
const nav = document.querySelector('.site-nav');
const toggle = nav?.querySelector('.site-nav__toggle');
function setMenu(open, { focusToggle = false } = {}) {
  toggle?.setAttribute('aria-expanded', String(open));
  if (focusToggle) toggle?.focus();
}
if (nav && toggle) {
  nav.classList.add('site-nav--menu');
  toggle.hidden = false;
  toggle.addEventListener('click', () => setMenu(toggle.getAttribute('aria-expanded') !== 'true'));
  nav.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') setMenu(false, { focusToggle: true });
  });
  document.addEventListener('click', (event) => {
    if (event.target instanceof Node && !nav.contains(event.target)) setMenu(false);
  });
}

nav?.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-view]') : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  setMenu(false);
  show(link.dataset.view, { focus: true });
});

// The overview's items (and a contract's claims) lead to the other areas on this page: the area is shown in place (its
// link's address is kept, so Back returns to the overview), with the document or claim opened.
const OVERVIEW_VIEWS = { invoices: 'szamlak', mailbox: 'levelezes', claims: 'karbejelentes', policies: 'szerzodesek' };
document.addEventListener('gp-navigate', (event) => {
  const view = OVERVIEW_VIEWS[event.view];
  if (!view) return;
  event.preventDefault();
  const url = new URL(location.href);
  url.search = '';
  url.searchParams.set('view', view);
  if (event.view === 'mailbox' && event.id) url.searchParams.set('document', event.id);
  history.pushState(null, '', url.href);
  if (event.view === 'claims') {
    const claimForm = document.querySelector('gp-claim-form');
    claimForm?.setAttribute('view', 'list');
    if (event.id) claimForm?.setAttribute('claim-id', event.id);
  }
  show(view, { focus: true });
  applyDeepLink(url.href);
});

window.addEventListener('popstate', () => show(currentView(location.href), { focus: true }));

show(currentView(location.href), { focus: false });
applyDeepLink(location.href);

// The page's own texts follow the language the customer picks in the portal's header.
// Each translatable node carries its English text in data-en; the Hungarian is kept on first switch.
function translatePage(lang) {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-en]')) {
    if (node.dataset.hu === undefined) node.dataset.hu = node.textContent.trim();
    node.textContent = lang === 'en' ? node.dataset.en : node.dataset.hu;
  }
  for (const node of document.querySelectorAll('[data-en-aria-label]')) {
    if (node.dataset.huAriaLabel === undefined) node.dataset.huAriaLabel = node.getAttribute('aria-label') ?? '';
    node.setAttribute('aria-label', lang === 'en' ? node.dataset.enAriaLabel : node.dataset.huAriaLabel);
  }
  show(currentView(location.href), { focus: false });
}

document.addEventListener('gp-lang-changed', (event) => translatePage(event.lang));

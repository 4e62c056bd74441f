import { formatHuf } from '../../documents/format.ts';
import { INSURER } from '../../../common/insurer.ts';
import type { DemoCheckout } from './checkouts.ts';
import type { CardError, CardErrorCode, CardField } from './demo-provider.ts';
import { TEST_CARDS, groupCardNumber, type TestCardOutcome } from './test-cards.ts';
import type { Language } from '../../../common/language.ts';

/**
 * The demo provider's hosted payment page as plain HTML strings (no framework, no script, no
 * inline style: the page works under `default-src 'none'; style-src 'self'`). Hungarian first,
 * English second. Links and the form's action are relative, so the page works wherever
 * `demoPaymentPageRoutes` is mounted.
 */

const STRINGS = {
  hu: {
    title: 'Bankkártyás fizetés',
    provider: 'Demo Pay',
    secure: 'Tesztfizetési szolgáltató',
    skip: 'Ugrás a tartalomra',
    switchTo: 'English',
    switchLabel: 'Switch to English',
    testBanner: 'Tesztüzem: valódi terhelés nem történik. Ne adjon meg valódi kártyaadatot – csak az alább felsorolt tesztkártyák működnek.',
    orderTitle: 'A fizetés adatai',
    payee: 'Kedvezményezett',
    description: 'Közlemény',
    amount: 'Fizetendő összeg',
    cardTitle: 'Kártyaadatok',
    cardNumber: 'Kártyaszám',
    cardNumberHint: 'Csak tesztkártya-szám (lásd lent).',
    expiry: 'Lejárat (HH/ÉÉ)',
    cvc: 'Biztonsági kód (CVC)',
    cvcHint: '3 számjegy',
    pay: '{amount} fizetése',
    cancel: 'Mégsem, vissza',
    errorsTitle: 'Kérjük, javítsa a következőket:',
    testCardsTitle: 'Tesztkártyák',
    testCardsCaption: 'A tesztkártyák és a fizetés eredménye',
    testCardNumber: 'Kártyaszám',
    testCardResult: 'Eredmény',
    outcomeSucceeded: 'Sikeres fizetés',
    outcomeDeclined: 'Elutasított fizetés',
    testCardsNote: 'Lejárat: bármely jövőbeli dátum (például {expiry}); CVC: bármely 3 számjegy. A „Mégsem” gomb megszakítja a fizetést.',
    footer: 'Bemutató fizetési oldal a {payee} ügyfélportáljához. Kártyaszámot nem tárolunk és nem naplózunk.',
    closedTitle: 'Ez a fizetés már lezárult',
    closedSucceeded: 'A fizetés sikeresen megtörtént.',
    closedDeclined: 'A kártyát elutasították; a fizetés nem történt meg.',
    closedCancelled: 'A fizetést megszakította; terhelés nem történt.',
    expiredTitle: 'A fizetési munkamenet lejárt',
    expiredText: 'Terhelés nem történt. Indítson új fizetést az ügyfélportálon.',
    back: 'Vissza az ügyfélportálra',
    notFoundTitle: 'A fizetés nem található',
    notFoundText: 'A hivatkozás hibás vagy elavult. Indítson új fizetést az ügyfélportálon.',
  },
  en: {
    title: 'Card payment',
    provider: 'Demo Pay',
    secure: 'Test payment provider',
    skip: 'Skip to content',
    switchTo: 'Magyar',
    switchLabel: 'Váltás magyar nyelvre',
    testBanner: 'Test mode: nothing is charged. Do not enter a real card – only the test cards listed below work.',
    orderTitle: 'Payment details',
    payee: 'Payee',
    description: 'Reference',
    amount: 'Amount due',
    cardTitle: 'Card details',
    cardNumber: 'Card number',
    cardNumberHint: 'Test card numbers only (see below).',
    expiry: 'Expiry (MM/YY)',
    cvc: 'Security code (CVC)',
    cvcHint: '3 digits',
    pay: 'Pay {amount}',
    cancel: 'Cancel and go back',
    errorsTitle: 'Please correct the following:',
    testCardsTitle: 'Test cards',
    testCardsCaption: 'Test cards and the outcome of the payment',
    testCardNumber: 'Card number',
    testCardResult: 'Outcome',
    outcomeSucceeded: 'Payment succeeds',
    outcomeDeclined: 'Payment is declined',
    testCardsNote: 'Expiry: any future date (for example {expiry}); CVC: any 3 digits. "Cancel" abandons the payment.',
    footer: 'Demonstration payment page for the customer portal of {payee}. Card numbers are never stored or logged.',
    closedTitle: 'This payment is already closed',
    closedSucceeded: 'The payment went through.',
    closedDeclined: 'The card was declined; nothing was paid.',
    closedCancelled: 'You cancelled the payment; nothing was charged.',
    expiredTitle: 'This payment session has expired',
    expiredText: 'Nothing was charged. Please start a new payment in the customer portal.',
    back: 'Back to the customer portal',
    notFoundTitle: 'Payment not found',
    notFoundText: 'The link is wrong or out of date. Please start a new payment in the customer portal.',
  },
} as const satisfies Record<Language, Record<string, string>>;

const ERRORS: Record<Language, Record<CardErrorCode, string>> = {
  hu: {
    card_number_required: 'Adja meg a kártyaszámot.',
    not_a_test_card: 'Ez nem tesztkártya. Ezen a bemutató oldalon csak a felsorolt tesztkártyák használhatók.',
    expiry_invalid: 'Adja meg a lejáratot HH/ÉÉ alakban, például 12/30.',
    card_expired: 'A kártya lejárt. Adjon meg jövőbeli lejáratot.',
    cvc_invalid: 'A biztonsági kód 3 számjegy.',
  },
  en: {
    card_number_required: 'Enter the card number.',
    not_a_test_card: 'This is not a test card. Only the listed test cards work on this demonstration page.',
    expiry_invalid: 'Enter the expiry as MM/YY, for example 12/30.',
    card_expired: 'The card has expired. Enter a future expiry date.',
    cvc_invalid: 'The security code is 3 digits.',
  },
};

const FIELD_IDS: Record<CardField, string> = { cardNumber: 'card-number', expiry: 'card-expiry', cvc: 'card-cvc' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => vars[key] ?? '');

function frame(lang: Language, title: string, body: string, reference: string | null): string {
  const s = STRINGS[lang];
  const other: Language = lang === 'hu' ? 'en' : 'hu';
  const switchHref = reference ? `${reference}?lang=${other}` : `?lang=${other}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} – ${s.provider}</title>
<link rel="stylesheet" href="assets/demo-pay.css">
</head>
<body>
<a class="skip" href="#main">${s.skip}</a>
<header class="top">
<p class="test-banner"><span class="badge">TEST</span> ${escapeHtml(s.testBanner)}</p>
<div class="bar">
<div class="brand"><span class="mark" aria-hidden="true"></span><span class="name">${s.provider}</span><span class="tagline">${s.secure}</span></div>
<a class="lang" href="${escapeHtml(switchHref)}" lang="${other}" hreflang="${other}" aria-label="${s.switchLabel}">${s.switchTo}</a>
</div>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="bottom"><p>${escapeHtml(fill(s.footer, { payee: INSURER.shortName }))}</p></footer>
</body>
</html>`;
}

function orderSummary(lang: Language, checkout: DemoCheckout): string {
  const s = STRINGS[lang];
  return `<section class="order" aria-labelledby="order-title">
<h2 id="order-title">${s.orderTitle}</h2>
<dl class="facts">
<div><dt>${s.payee}</dt><dd>${escapeHtml(INSURER.name)}</dd></div>
<div><dt>${s.description}</dt><dd>${escapeHtml(checkout.description)}</dd></div>
</dl>
<p class="amount"><span class="amount-label">${s.amount}</span> <strong class="amount-value">${formatHuf(checkout.amountHuf)}</strong></p>
</section>`;
}

export interface CheckoutPageOptions {
  lang: Language;
  checkout: DemoCheckout;
  errors?: readonly CardError[];
  /** Values to put back after an error. Never the card number. */
  values?: { expiry?: string | undefined };
  now: Date;
}

/** The card form with the order summary and the test cards. */
export function renderCheckoutPage(options: CheckoutPageOptions): string {
  const { lang, checkout } = options;
  const s = STRINGS[lang];
  const errors = options.errors ?? [];
  const errorOf = (field: CardField) => errors.find((e) => e.field === field);
  const exampleExpiry = `12/${String((options.now.getUTCFullYear() + 3) % 100).padStart(2, '0')}`;
  const action = `${checkout.reference}${lang === 'en' ? '?lang=en' : ''}`;
  const firstInvalid = errors[0]?.field;

  const field = (name: CardField, input: { label: string; inputName: string; hint?: string; attrs: string; value?: string }) => {
    const id = FIELD_IDS[name];
    const error = errorOf(name);
    const described = [input.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return `<div class="field${error ? ' has-error' : ''}">
<label for="${id}">${input.label}</label>
${input.hint ? `<p class="hint" id="${id}-hint">${input.hint}</p>` : ''}
${error ? `<p class="error" id="${id}-error">${ERRORS[lang][error.code]}</p>` : ''}
<input id="${id}" name="${input.inputName}" ${input.attrs} required aria-required="true"${described ? ` aria-describedby="${described}"` : ''}${error ? ' aria-invalid="true"' : ''}${firstInvalid === name ? ' autofocus' : ''}${input.value ? ` value="${escapeHtml(input.value)}"` : ''}>
</div>`;
  };

  const summary = errors.length
    ? `<div class="error-summary" role="alert">
<h3>${s.errorsTitle}</h3>
<ul>${errors.map((e) => `<li><a href="#${FIELD_IDS[e.field]}">${ERRORS[lang][e.code]}</a></li>`).join('')}</ul>
</div>`
    : '';

  const outcome = (o: TestCardOutcome) => (o === 'succeeded' ? s.outcomeSucceeded : s.outcomeDeclined);
  const body = `<h1>${s.title}</h1>
<div class="layout">
${orderSummary(lang, checkout)}
<section class="pay" aria-labelledby="card-title">
<h2 id="card-title">${s.cardTitle}</h2>
${summary}
<form method="post" action="${escapeHtml(action)}" novalidate>
${field('cardNumber', { label: s.cardNumber, inputName: 'card_number', hint: s.cardNumberHint, attrs: 'type="text" inputmode="numeric" autocomplete="off" spellcheck="false" maxlength="23" class="wide"' })}
<div class="row">
${field('expiry', { label: s.expiry, inputName: 'expiry', attrs: 'type="text" inputmode="numeric" autocomplete="off" maxlength="7" placeholder="' + exampleExpiry + '"', value: options.values?.expiry ?? '' })}
${field('cvc', { label: s.cvc, inputName: 'cvc', hint: s.cvcHint, attrs: 'type="text" inputmode="numeric" autocomplete="off" maxlength="4"' })}
</div>
<div class="actions">
<button type="submit" class="primary" name="action" value="pay">${escapeHtml(fill(s.pay, { amount: formatHuf(checkout.amountHuf) }))}</button>
<button type="submit" class="secondary" name="action" value="cancel">${s.cancel}</button>
</div>
</form>
</section>
<section class="test-cards" aria-labelledby="test-cards-title">
<h2 id="test-cards-title">${s.testCardsTitle}</h2>
<table>
<caption class="visually-hidden">${s.testCardsCaption}</caption>
<thead><tr><th scope="col">${s.testCardNumber}</th><th scope="col">${s.testCardResult}</th></tr></thead>
<tbody>
${TEST_CARDS.map((card) => `<tr><td class="number">${groupCardNumber(card.number)}</td><td><span class="outcome outcome-${card.outcome}">${outcome(card.outcome)}</span></td></tr>`).join('\n')}
</tbody>
</table>
<p class="note">${escapeHtml(fill(s.testCardsNote, { expiry: exampleExpiry }))}</p>
</section>
</div>`;
  return frame(lang, s.title, body, checkout.reference);
}

/** A checkout that can no longer be paid: completed (any outcome) or expired. */
export function renderClosedPage(lang: Language, checkout: DemoCheckout, expired: boolean): string {
  const s = STRINGS[lang];
  const title = expired ? s.expiredTitle : s.closedTitle;
  const text = expired
    ? s.expiredText
    : checkout.status === 'succeeded'
      ? s.closedSucceeded
      : checkout.status === 'declined'
        ? s.closedDeclined
        : s.closedCancelled;
  const back = expired || checkout.status === 'cancelled' ? checkout.cancelUrl : checkout.returnUrl;
  const body = `<div class="message">
<h1>${title}</h1>
${orderSummary(lang, checkout)}
<p class="notice">${text}</p>
<p><a class="button primary" href="${escapeHtml(back)}">${s.back}</a></p>
</div>`;
  return frame(lang, title, body, checkout.reference);
}

export function renderNotFoundPage(lang: Language): string {
  const s = STRINGS[lang];
  const body = `<div class="message">
<h1>${s.notFoundTitle}</h1>
<p class="notice">${s.notFoundText}</p>
</div>`;
  return frame(lang, s.notFoundTitle, body, null);
}

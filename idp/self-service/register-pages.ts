import { html } from 'hono/html';
import { field, focusTarget } from '../pages/form.ts';
import { dictionary } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import { actionUrl, codedErrorSummary, codedNotice, type CodedError, type Html } from './view.ts';
import { common } from './messages.ts';
import type { CustomerKind } from './normalise.ts';

/**
 * The registration pages. Two steps, so that only the fields that apply are on screen without
 * any script: (1) who registers — private person or company — and the customer number (a GET
 * form: nothing secret, and the e-mail's button pre-fills `?customer=`); (2) the details that
 * identify that kind of customer, then the login (e-mail, password twice), posted.
 */
export const registerText = dictionary({
  hu: {
    title: 'Regisztráció',
    step1: '1. lépés a 2-ből',
    step2: '2. lépés a 2-ből',
    lead: 'A regisztrációhoz szüksége lesz ügyfélszámára. Megtalálja minden értesítő e-mailünkben és szerződésén.',
    kindLegend: 'Ki regisztrál?',
    person: 'Magánszemély',
    personHint: 'születési dátummal azonosítjuk',
    company: 'Cég, vállalkozás',
    companyHint: 'adószámmal azonosítjuk',
    customerNumber: 'Ügyfélszám',
    customerNumberHint: '8 számjegy, például 10467023',
    next: 'Tovább',
    change: 'Módosítás',
    changeDetail: 'ügyfélszám és ügyféltípus',
    customerKind: 'Ügyféltípus',
    identifyLegend: 'Azonosítás',
    identifyHint: 'Adatait úgy adja meg, ahogyan szerződésében szerepelnek.',
    birthDate: 'Születési dátum',
    birthDateHint: 'Év, hónap, nap sorrendben (ÉÉÉÉ. HH. NN.), például 1958. 09. 23.',
    postcode: 'Irányítószám',
    postcodeHint: 'Az állandó lakcíméé (cégnél a székhelyé), 4 számjegy',
    taxNumber: 'Adószám',
    taxNumberHint: 'Például 12345678-1-12 (kötőjelekkel vagy anélkül)',
    loginLegend: 'Belépési adatok',
    email: 'E-mail-cím',
    emailHint: 'Ez lesz a felhasználóneve. Ide küldjük a megerősítő levelet.',
    password: 'Jelszó',
    submit: 'Regisztráció',
    haveAccount: 'Már van fiókja? Bejelentkezés',
    mismatchHelp: 'Ellenőrizze ügyfélszámát és adatait. Ha biztosan helyesek, hívja ügyfélszolgálatunkat: +36 1 555 0100.',
    doneTitle: 'Nézze meg a postafiókját',
    done: 'Elküldtük a regisztráció befejezéséhez szükséges levelet. Kattintson a levélben lévő linkre 24 órán belül.',
    doneExisting: 'Ha korábban már regisztrált, a meglévő fiókjához tartozó címre írtunk, mert ügyfelenként egy fiók lehet.',
    doneSpam: 'Ha néhány percen belül nem érkezik meg, nézze meg a levélszemét mappát is.',
  },
  en: {
    title: 'Register',
    step1: 'Step 1 of 2',
    step2: 'Step 2 of 2',
    lead: 'To register you need your customer number. You will find it in every notification e-mail from us and on your policy.',
    kindLegend: 'Who is registering?',
    person: 'Private person',
    personHint: 'identified by date of birth',
    company: 'Company or business',
    companyHint: 'identified by tax number',
    customerNumber: 'Customer number',
    customerNumberHint: '8 digits, for example 10467023',
    next: 'Continue',
    change: 'Change',
    changeDetail: 'customer number and customer type',
    customerKind: 'Customer type',
    identifyLegend: 'Identification',
    identifyHint: 'Enter your details as they appear on your policy.',
    birthDate: 'Date of birth',
    birthDateHint: 'Year, month, day (YYYY-MM-DD), for example 1958-09-23',
    postcode: 'Postcode',
    postcodeHint: 'Of your permanent address (for a company, its registered office), 4 digits',
    taxNumber: 'Tax number',
    taxNumberHint: 'For example 12345678-1-12 (with or without dashes)',
    loginLegend: 'Login details',
    email: 'E-mail address',
    emailHint: 'This will be your username. We will send the confirmation e-mail here.',
    password: 'Password',
    submit: 'Register',
    haveAccount: 'Already have an account? Log in',
    mismatchHelp: 'Check your customer number and details. If you are sure they are right, call our customer service on +36 1 555 0100.',
    doneTitle: 'Check your inbox',
    done: 'We have sent you an e-mail to complete your registration. Click the link in it within 24 hours.',
    doneExisting: 'If you have registered before, we wrote to the address of your existing account, as each customer can have one account.',
    doneSpam: 'If it does not arrive within a few minutes, look in your spam folder too.',
  },
});

export interface Step1Values {
  kind: string;
  customer: string;
}

/** Step 1: who registers, and the customer number. */
export function registerStep1(lang: Language, values: Step1Values, errors: readonly CodedError[], portalUrl: string): Html {
  const s = registerText(lang);
  const focus = focusTarget(['kind', 'customer'], errors);
  const kindError = errors.find((e) => e.field === 'kind');
  const radio = (kind: CustomerKind, id: string, label: string, hint: string, first: boolean) =>
    html`<label class="choice" for="${id}">
      <input type="radio" id="${id}" name="kind" value="${kind}" ${values.kind === kind ? html`checked` : ''}
        ${first ? html`required` : ''} ${kindError ? html`aria-invalid="true" aria-describedby="kind-error"` : ''}
        ${first && focus === 'kind' ? html`autofocus` : ''} />
      <span>${label}<small>${hint}</small></span>
    </label>`;
  return html`<p class="steps">${s.step1}</p>
    <h1>${s.title}</h1>
    <p class="lead">${s.lead}</p>
    ${codedErrorSummary(common(lang).errorSummaryTitle, errors)}
    <form method="get" action="/account/register" novalidate>
      <input type="hidden" name="lang" value="${lang}" />
      <input type="hidden" name="next" value="1" />
      <fieldset class="field${kindError ? ' has-error' : ''}">
        <legend>${s.kindLegend}</legend>
        ${kindError ? html`<p class="error" id="kind-error">${kindError.message}</p>` : ''}
        <div class="choices">
          ${radio('person', 'kind', s.person, s.personHint, true)} ${radio('company', 'kind-company', s.company, s.companyHint, false)}
        </div>
      </fieldset>
      ${field({
        name: 'customer',
        label: s.customerNumber,
        hint: s.customerNumberHint,
        value: values.customer,
        inputmode: 'numeric',
        autocomplete: 'off',
        maxlength: 12,
        errors,
        autofocus: focus === 'customer' && errors.length > 0,
      })}
      <div class="actions"><button type="submit" class="primary">${s.next}</button></div>
    </form>
    <nav class="links" aria-label="${s.title}">
      <a href="${portalUrl}">${s.haveAccount}</a>
    </nav>`;
}

export interface Step2Values {
  kind: CustomerKind;
  customer: string;
  birthDate: string;
  postcode: string;
  taxNumber: string;
  email: string;
}

/**
 * A date the form holds in its canonical form (an address bar or autofill may send 1958-09-23)
 * as the page's language writes it; anything else is echoed as the customer typed it.
 */
export function birthDateAsWritten(value: string, lang: Language): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!iso || lang !== 'hu') return value;
  return `${iso[1]}. ${iso[2]}. ${iso[3]}.`;
}

/** Step 2: the identifying details of the chosen kind, and the login. */
export function registerStep2(
  lang: Language,
  values: Step2Values,
  errors: readonly CodedError[],
  message: { code: string; text: string } | null,
  portalUrl: string,
): Html {
  const s = registerText(lang);
  const c = common(lang);
  const order =
    values.kind === 'person'
      ? ['birthDate', 'postcode', 'email', 'password', 'passwordConfirm']
      : ['taxNumber', 'postcode', 'email', 'password', 'passwordConfirm'];
  // With a page-level message (details do not match, too many tries) the first identifying field gets focus.
  const focus = focusTarget(order, errors);
  const changeUrl = `/account/register?${new URLSearchParams({ lang, kind: values.kind, customer: values.customer }).toString()}`;
  return html`<p class="steps">${s.step2}</p>
    <h1>${s.title}</h1>
    ${
      message
        ? codedNotice('error', message.code, message.code === 'details_mismatch' ? html`<strong>${message.text}</strong> ${s.mismatchHelp}` : message.text)
        : ''
    }
    ${codedErrorSummary(c.errorSummaryTitle, errors)}
    <div class="summary">
      <dl>
        <div><dt>${s.customerNumber}</dt><dd>${values.customer}</dd></div>
        <div><dt>${s.customerKind}</dt><dd>${values.kind === 'person' ? s.person : s.company}</dd></div>
      </dl>
      <a href="${changeUrl}">${s.change}<span class="visually-hidden"> (${s.changeDetail})</span></a>
    </div>
    <form method="post" action="${actionUrl('/account/register', lang)}" novalidate>
      <input type="hidden" name="kind" value="${values.kind}" />
      <input type="hidden" name="customer" value="${values.customer}" />
      <fieldset>
        <legend>${s.identifyLegend}</legend>
        <p class="hint">${s.identifyHint}</p>
        ${
          values.kind === 'person'
            ? field({
                name: 'birthDate',
                label: s.birthDate,
                hint: s.birthDateHint,
                // Text, not type=date: a date field shows the browser's format (01/15/2027 on a Hungarian page in an English browser).
                value: birthDateAsWritten(values.birthDate, lang),
                autocomplete: 'bday',
                maxlength: 16,
                errors,
                autofocus: focus === 'birthDate',
              })
            : field({
                name: 'taxNumber',
                label: s.taxNumber,
                hint: s.taxNumberHint,
                value: values.taxNumber,
                autocomplete: 'off',
                maxlength: 16,
                errors,
                autofocus: focus === 'taxNumber',
              })
        }
        ${field({
          name: 'postcode',
          label: s.postcode,
          hint: s.postcodeHint,
          value: values.postcode,
          inputmode: 'numeric',
          autocomplete: 'postal-code',
          maxlength: 4,
          errors,
          autofocus: focus === 'postcode',
        })}
      </fieldset>
      <fieldset>
        <legend>${s.loginLegend}</legend>
        ${field({ name: 'email', label: s.email, hint: s.emailHint, type: 'email', value: values.email, autocomplete: 'email', maxlength: 254, errors, autofocus: focus === 'email' })}
        ${field({ name: 'password', label: s.password, hint: c.passwordHint, type: 'password', autocomplete: 'new-password', maxlength: 128, errors, autofocus: focus === 'password' })}
        ${field({ name: 'passwordConfirm', label: c.passwordConfirm, type: 'password', autocomplete: 'new-password', maxlength: 128, errors, autofocus: focus === 'passwordConfirm' })}
      </fieldset>
      <div class="actions"><button type="submit" class="primary">${s.submit}</button></div>
    </form>
    <nav class="links" aria-label="${s.title}">
      <a href="${portalUrl}">${s.haveAccount}</a>
    </nav>`;
}

/** The answer to every registration whose details matched a customer, whatever happened next. */
export function registerDone(lang: Language, portalUrl: string): Html {
  const s = registerText(lang);
  const c = common(lang);
  return html`<h1>${s.doneTitle}</h1>
    ${codedNotice('success', 'check_inbox', s.done)}
    <p>${s.doneExisting}</p>
    <p>${s.doneSpam}</p>
    <nav class="links" aria-label="${s.doneTitle}">
      <a href="/account/verify-email/resend?lang=${lang}">${c.resendVerification}</a>
      <a href="${portalUrl}">${c.backToLogin}</a>
    </nav>`;
}

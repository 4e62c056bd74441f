import type { Lang } from '../../../../widgets/i18n/lang.ts';
import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { elementUpdated, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import GpProfile from '../../../../widgets/components/profile/profile.ts';
import type { ProfileData as Profile } from '../../../../widgets/components/profile/profile-rules.ts';
import { GpErrorEvent } from '../../../../widgets/events/error.ts';
import { FakeApi, problem, type FakeRequest } from '../../support/fake-api.ts';
import { inPortal, part, parts, textOf } from '../../support/render.ts';
import { PERSON, SECURITY, SESSIONS } from './fixtures.ts';
import type { GpProfileChangedEvent } from '../../../../widgets/events/profile-changed.ts';

const COMPANY: Profile = {
  ...PERSON,
  name: 'Kovács és Társa Kft.',
  customerNumber: '20311870',
  kind: 'company',
  birthDate: null,
  taxNumber: '12345678-1-12',
  correspondenceAddress: { postcode: '6720', city: 'Szeged', addressLine: 'Kárász utca 10.' },
  phone: null,
};

type El = GpProfile;
const root = (el: El) => el.shadowRoot!;
const $ = <T extends Element = HTMLInputElement>(el: El, selector: string) => {
  const node = root(el).querySelector<T>(selector);
  if (!node) throw new Error(`no ${selector}`);
  return node;
};
const focused = (el: El) => root(el).activeElement;
/** A value as shown, without the note under it (the correspondence address has one). */
const valueOf = (dd: Element | null) => {
  const value = dd?.cloneNode(true) as Element | undefined;
  value?.querySelector('[part~="address-note"]')?.remove();
  return textOf(value);
};
/** The description list as [term, value] pairs. */
const rows = (el: El) => [...part(el, 'details').querySelectorAll('div')].map((d) => [textOf(d.querySelector('dt')), valueOf(d.querySelector('dd'))]);
const row = (el: El, term: string) => rows(el).find(([t]) => t === term)?.[1];

async function render(profile: Profile | null = PERSON, options: { lang?: Lang } = {}) {
  const { portal, widget } = await inPortal<El>(html`<gp-profile></gp-profile>`, options);
  if (profile) await waitUntil(() => root(widget).querySelector('[part~="details"]'), 'the profile never showed');
  return { portal, el: widget };
}

/** Replaces a text input's value the way typing does (an input event that bubbles). */
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function openEdit(el: El) {
  part(el, 'edit-button').click();
  await elementUpdated(el);
  await el.updateComplete;
}

async function submit(el: El, form: 'edit-form' | 'email-form') {
  part<HTMLFormElement>(el, form).requestSubmit();
  await el.updateComplete;
}

describe('<gp-profile>', () => {
  let api: FakeApi;
  let patched: Profile;
  beforeEach(() => {
    patched = PERSON;
    api = new FakeApi()
      .on('GET', '/me', () => ({ json: patched }))
      .on('PATCH', '/me', (request: FakeRequest) => {
        const body = request.body as Partial<Profile>;
        patched = { ...patched, ...body };
        return { json: { profile: patched, changed: Object.keys(body) } };
      })
      .on('POST', '/me/email-change', { status: 202, json: { pending: true } })
      .on('GET', '/security', SECURITY)
      .on('GET', '/security/sessions', { sessions: SESSIONS })
      .install();
  });
  afterEach(() => api.restore());

  it('is registered under gp-profile', () => {
    expect(customElements.get('gp-profile')).to.equal(GpProfile);
  });

  it('shows a person’s data as a description list', async () => {
    const { el } = await render();
    expect(part(el, 'base').getAttribute('lang')).to.equal('hu');
    expect(part(el, 'base').getAttribute('aria-busy')).to.equal('false');
    expect(textOf(part(el, 'heading'))).to.equal('Személyes adataim');
    expect(part(el, 'details').tagName).to.equal('DL');
    expect(rows(el)).to.deep.equal([
      ['Név', 'Szőke Erzsébet'],
      ['Ügyfélszám', '10204460'],
      ['Ügyfél típusa', 'Magánszemély'],
      ['Születési dátum', '1968. április 12.'],
      ['E-mail-cím', 'szoke.erzsebet@example.hu'],
      ['Telefonszám', '+36 30 412 5567'],
      ['Lakcím', '1117 Budapest, Irinyi József utca 4.'],
      ['Levelezési cím', 'Megegyezik a fenti címmel'],
      ['Levelezés nyelve', 'magyar'],
    ]);
    expect(api.callsTo('GET', '/me')).to.have.length(1);
  });

  it('shows a company’s tax number, registered office and correspondence address', async () => {
    patched = COMPANY;
    const { el } = await render(COMPANY);
    expect(row(el, 'Ügyfél típusa')).to.equal('Cég');
    expect(row(el, 'Adószám')).to.equal('12345678-1-12');
    expect(row(el, 'Születési dátum')).to.equal(undefined);
    expect(row(el, 'Székhely')).to.equal('1117 Budapest, Irinyi József utca 4.');
    expect(row(el, 'Levelezési cím')).to.equal('6720 Szeged, Kárász utca 10.');
    expect(row(el, 'Telefonszám')).to.equal('Nincs megadva');
  });

  it('says under the correspondence address which letters go there, and where a contract’s own address is changed (issue 17 point 9)', async () => {
    const { el, portal } = await render();
    const addressRow = [...part(el, 'details').querySelectorAll('div')].find((d) => textOf(d.querySelector('dt')) === 'Levelezési cím')!;
    const note = addressRow.querySelector('dd [part~="address-note"]');
    expect(textOf(note)).to.equal(
      'Erre a címre küldjük a leveleinket, kivéve ha egy szerződésnek saját levelezési címe van: azt a szerződés adatainál módosíthatja.',
    );
    await openEdit(el);
    const fieldset = [...root(el).querySelectorAll('fieldset')].find((f) => textOf(f.querySelector('legend')) === 'Levelezési cím')!;
    expect(textOf(fieldset.querySelector('.hint'))).to.equal(textOf(note));
    await expect(el).to.be.accessible();

    portal.lang = 'en';
    await elementUpdated(portal);
    await el.updateComplete;
    expect(textOf(fieldset.querySelector('.hint'))).to.equal(
      'We send our letters to this address, except where a contract has a correspondence address of its own: you can change that in the contract’s details.',
    );
  });

  it('shows the loading state while the profile comes', async () => {
    let answer!: () => void;
    api.on('GET', '/me', () => new Promise((resolve) => (answer = () => resolve({ json: PERSON }))));
    const { el } = await render(null);
    await waitUntil(() => answer, 'GET /me was not asked');
    expect(part(el, 'loading').getAttribute('role')).to.equal('status');
    expect(part(el, 'base').getAttribute('aria-busy')).to.equal('true');
    answer();
    await waitUntil(() => root(el).querySelector('[part~="details"]'));
    expect(part(el, 'base').getAttribute('aria-busy')).to.equal('false');
  });

  it('shows the logged-out state and asks nothing', async () => {
    api.restore();
    api = new FakeApi({ authenticated: false }).install();
    const { widget: el } = await inPortal<El>(html`<gp-profile></gp-profile>`, { handle: false });
    await elementUpdated(el);
    expect(textOf(part(el, 'logged-out'))).to.include('Az adatai megtekintéséhez jelentkezzen be');
    expect(root(el).querySelector('[part~="details"]') === null).to.equal(true);
    expect(api.callsTo('GET', '/me')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a load failure with a retry, and tells the page', async () => {
    api.on('GET', '/me', problem(500, 'server_error'));
    const errors: GpErrorEvent[] = [];
    document.addEventListener('gp-error', (e) => errors.push(e), { once: true });
    const { el } = await render(null);
    await waitUntil(() => root(el).querySelector('[part~="error"]'), 'no error state');
    expect(textOf(part(el, 'error'))).to.include('A szolgáltatás átmenetileg nem érhető el');
    expect(errors[0]).to.be.instanceOf(GpErrorEvent);
    expect([errors[0]!.code, errors[0]!.status, errors[0]!.action]).to.deep.equal(['server_error', 500, 'load-profile']);
    await expect(el).to.be.accessible();

    api.on('GET', '/me', () => ({ json: PERSON }));
    part(el, 'retry-button').click();
    await waitUntil(() => root(el).querySelector('[part~="details"]'), 'retry did not load');
    expect(row(el, 'Név')).to.equal('Szőke Erzsébet');
  });

  it('changes phone, correspondence address and language, sending only what changed', async () => {
    const { el } = await render();
    await openEdit(el);
    expect(focused(el) === $(el, '#edit-heading'), 'focus').to.equal(true);
    const phone = $(el, '#phone');
    expect(phone.value).to.equal('+36 30 412 5567');
    expect(phone.type).to.equal('tel');
    expect(phone.autocomplete).to.equal('tel');
    expect(root(el).querySelector('#correspondenceAddress-postcode') === null).to.equal(true);

    type(phone, '06 20 123 4567');
    $(el, 'input[name="separate"]').click();
    await el.updateComplete;
    type($(el, '#correspondenceAddress-postcode'), '6720');
    type($(el, '#correspondenceAddress-city'), 'Szeged');
    type($(el, '#correspondenceAddress-addressLine'), 'Kárász utca 10.');
    $(el, 'input[name="language"][value="en"]').click();
    const events: GpProfileChangedEvent[] = [];
    document.addEventListener('gp-profile-changed', (event) => events.push(event), { once: true });
    await submit(el, 'edit-form');
    await waitUntil(() => root(el).querySelector('[part~="details"]'), 'the form did not close');
    // The page hears what changed (bubbling out of the shadow root), never the values.
    expect(events.map((event) => [...event.changed])).to.deep.equal([['phone', 'correspondenceAddress', 'language']]);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);

    const [call] = api.callsTo('PATCH', '/me');
    expect(call!.body).to.deep.equal({
      phone: '+36 20 123 4567',
      correspondenceAddress: { postcode: '6720', city: 'Szeged', addressLine: 'Kárász utca 10.' },
      language: 'en',
    });
    const notice = part(el, 'notice');
    expect(notice.getAttribute('role')).to.equal('status');
    expect(textOf(notice)).to.equal('Az adatait mentettük. Módosult: telefonszám, levelezési cím, levelezés nyelve.');
    expect(row(el, 'Telefonszám')).to.equal('+36 20 123 4567');
    expect(row(el, 'Levelezési cím')).to.equal('6720 Szeged, Kárász utca 10.');
    expect(row(el, 'Levelezés nyelve')).to.equal('angol');
    await el.updateComplete;
    expect(focused(el) === part(el, 'edit-button'), 'focus').to.equal(true);
  });

  it('sends one changed field alone, and nothing when nothing changed', async () => {
    const { el } = await render();
    await openEdit(el);
    let heard = 0;
    const count = () => heard++;
    el.addEventListener('gp-profile-changed', count);
    await submit(el, 'edit-form');
    await waitUntil(() => root(el).querySelector('[part~="details"]'));
    expect(api.callsTo('PATCH', '/me')).to.have.length(0);
    expect(heard, 'no event when nothing changed').to.equal(0);
    el.removeEventListener('gp-profile-changed', count);
    expect(textOf(part(el, 'notice'))).to.equal('Nem módosított egyetlen adatot sem.');

    await openEdit(el);
    type($(el, '#phone'), '');
    await submit(el, 'edit-form');
    await waitUntil(() => api.callsTo('PATCH', '/me').length === 1);
    expect(api.callsTo('PATCH', '/me')[0]!.body).to.deep.equal({ phone: null });
  });

  it('cancels with the keyboard and gives focus back to the edit button', async () => {
    const { el } = await render();
    part(el, 'edit-button').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(focused(el) === $(el, '#edit-heading'), 'focus').to.equal(true);
    await sendKeys({ press: 'Tab' }); // phone
    await sendKeys({ type: '123' });
    part(el, 'cancel-button').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).querySelector('[part~="edit-form"]') === null).to.equal(true);
    expect(focused(el) === part(el, 'edit-button'), 'focus').to.equal(true);
    expect(row(el, 'Telefonszám')).to.equal('+36 30 412 5567');
    expect(api.callsTo('PATCH', '/me')).to.have.length(0);
  });

  it('refuses bad input before sending, on the fields, focusing the first', async () => {
    const { el } = await render();
    await openEdit(el);
    type($(el, '#phone'), '+36 30 12');
    $(el, 'input[name="separate"]').click();
    await el.updateComplete;
    type($(el, '#correspondenceAddress-postcode'), '123');
    type($(el, '#correspondenceAddress-city'), 'Szeged');
    await submit(el, 'edit-form');
    await el.updateComplete;

    expect(api.callsTo('PATCH', '/me')).to.have.length(0);
    const phone = $(el, '#phone');
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(phone.getAttribute('aria-describedby')).to.equal('phone-hint phone-error');
    expect(textOf($(el, '#phone-error'))).to.equal('Adjon meg egy magyar telefonszámot, például +36 30 123 4567.');
    expect(textOf($(el, '#correspondenceAddress-postcode-error'))).to.equal('Az irányítószám négy számjegy (1000–9999).');
    expect($(el, '#correspondenceAddress-city').getAttribute('aria-invalid')).to.equal('false');
    expect(textOf($(el, '#correspondenceAddress-addressLine-error'))).to.equal('Ezt a mezőt ki kell tölteni.');
    expect(focused(el) === phone, 'focus').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the API’s field refusals on their fields and tells the page', async () => {
    api.on('PATCH', '/me', problem(422, 'invalid_profile_change', [{ field: 'correspondenceAddress.city', code: 'too_long' }]));
    const { el } = await render();
    await openEdit(el);
    $(el, 'input[name="separate"]').click();
    await el.updateComplete;
    type($(el, '#correspondenceAddress-postcode'), '6720');
    type($(el, '#correspondenceAddress-city'), 'Szeged');
    type($(el, '#correspondenceAddress-addressLine'), 'Kárász utca 10.');
    setTimeout(() => part<HTMLFormElement>(el, 'edit-form').requestSubmit());
    const event = (await oneEvent(el, 'gp-error')) as unknown as GpErrorEvent;
    await el.updateComplete;
    await el.updateComplete;

    expect([event.code, event.status, event.action]).to.deep.equal(['invalid_profile_change', 422, 'update-profile']);
    expect(part(el, 'form-error').getAttribute('role')).to.equal('alert');
    expect(textOf(part(el, 'form-error'))).to.equal('Néhány adat nem megfelelő. Ellenőrizze a jelölt mezőket.');
    const city = $(el, '#correspondenceAddress-city');
    expect(city.getAttribute('aria-invalid')).to.equal('true');
    expect(city.getAttribute('aria-describedby')).to.equal('correspondenceAddress-city-error');
    expect(textOf($(el, '#correspondenceAddress-city-error'))).to.equal('Ez az érték túl hosszú.');
    expect(focused(el) === city, 'focus').to.equal(true);
    expect(city.value).to.equal('Szeged');
  });

  it('shows a failed save without closing the form', async () => {
    api.on('PATCH', '/me', problem(500, 'server_error'));
    const { el } = await render();
    await openEdit(el);
    $(el, 'input[name="language"][value="en"]').click();
    await submit(el, 'edit-form');
    await waitUntil(() => root(el).querySelector('[part~="form-error"]'));
    expect(textOf(part(el, 'form-error'))).to.include('A szolgáltatás átmenetileg nem érhető el');
    expect($(el, 'input[name="language"][value="en"]').checked).to.equal(true);
    expect(root(el).querySelector('[part~="details"]') === null).to.equal(true);
  });

  it('asks for an e-mail change with the password, then forgets the password', async () => {
    const { el } = await render();
    part(el, 'email-button').click();
    await el.updateComplete;
    await el.updateComplete;
    const email = $(el, '#newEmail');
    const password = $(el, '#password');
    expect(focused(el) === email, 'focus').to.equal(true);
    expect([email.type, email.autocomplete]).to.deep.equal(['email', 'email']);
    expect([password.type, password.autocomplete]).to.deep.equal(['password', 'current-password']);

    await sendKeys({ type: ' Uj.Cim@Example.org' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Titkos-Jelszo-1' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.callsTo('POST', '/me/email-change').length === 1, 'nothing sent');
    await waitUntil(() => !root(el).querySelector('[part~="email-form"]'), 'the form stayed open');

    expect(api.callsTo('POST', '/me/email-change')[0]!.body).to.deep.equal({ newEmail: 'uj.cim@example.org', password: 'Titkos-Jelszo-1' });
    expect(password.value).to.equal('');
    expect(textOf(part(el, 'notice'))).to.equal(
      'Megerősítő linket küldtünk az új e-mail-címére (uj.cim@example.org). Az új cím csak akkor lép életbe, ha a linkre kattintva megerősíti; addig a régi címe marad érvényes, és arra is küldtünk értesítést.',
    );
    // The address itself changes only after the confirmation.
    expect(row(el, 'E-mail-cím')).to.equal('szoke.erzsebet@example.hu');
    await el.updateComplete;
    expect(focused(el) === part(el, 'email-button'), 'focus').to.equal(true);
  });

  it('refuses the same or an invalid address and a missing password before sending', async () => {
    const { el } = await render();
    part(el, 'email-button').click();
    await el.updateComplete;
    type($(el, '#newEmail'), 'SZOKE.erzsebet@example.hu');
    await submit(el, 'email-form');
    await el.updateComplete;
    expect(textOf($(el, '#newEmail-error'))).to.equal('Ez már most is az Ön e-mail-címe.');
    expect(textOf($(el, '#password-error'))).to.equal('Ezt a mezőt ki kell tölteni.');
    expect(focused(el) === $(el, '#newEmail'), 'focus').to.equal(true);

    type($(el, '#newEmail'), 'nem-email@');
    await submit(el, 'email-form');
    await el.updateComplete;
    expect(textOf($(el, '#newEmail-error'))).to.equal('Adjon meg egy érvényes e-mail-címet.');
    expect(api.callsTo('POST', '/me/email-change')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a wrong password on its field and empties it', async () => {
    api.on('POST', '/me/email-change', problem(422, 'password_incorrect', [{ field: 'password', code: 'password_incorrect' }]));
    const { el } = await render();
    part(el, 'email-button').click();
    await el.updateComplete;
    type($(el, '#newEmail'), 'uj.cim@example.org');
    $(el, '#password').value = 'rossz';
    setTimeout(() => part<HTMLFormElement>(el, 'email-form').requestSubmit());
    const event = (await oneEvent(el, 'gp-error')) as unknown as GpErrorEvent;
    await el.updateComplete;
    await el.updateComplete;
    expect([event.code, event.action]).to.deep.equal(['password_incorrect', 'email-change']);
    expect(textOf(part(el, 'form-error'))).to.equal('A megadott jelszó nem helyes.');
    const password = $(el, '#password');
    expect(password.value).to.equal('');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf($(el, '#password-error'))).to.equal('A jelszó nem helyes.');
    expect(focused(el) === password, 'focus').to.equal(true);
    expect($(el, '#newEmail').value).to.equal('uj.cim@example.org');
  });

  it('says how long to wait when throttled', async () => {
    api.on('POST', '/me/email-change', { ...problem(429, 'too_many_attempts'), headers: { 'content-type': 'application/problem+json', 'retry-after': '900' } });
    const { el, portal } = await render();
    part(el, 'email-button').click();
    await el.updateComplete;
    type($(el, '#newEmail'), 'uj.cim@example.org');
    $(el, '#password').value = 'Titkos-Jelszo-1';
    await submit(el, 'email-form');
    await waitUntil(() => root(el).querySelector('[part~="form-error"]'));
    expect(textOf(part(el, 'form-error'))).to.equal('Túl sok próbálkozás. Kérjük, próbálja újra később. Kérjük, 15 perc múlva próbálja újra.');
    expect($(el, '#password').value).to.equal('');
    portal.lang = 'en';
    await elementUpdated(portal);
    await el.updateComplete;
    expect(textOf(part(el, 'form-error'))).to.equal('Too many attempts. Please try again later. Please try again in 15 minutes.');
  });

  it('cancels the e-mail form back to its button', async () => {
    const { el } = await render();
    part(el, 'email-button').click();
    await el.updateComplete;
    $(el, '#password').value = 'Titkos';
    part(el, 'email-form').querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).querySelector('#password') === null).to.equal(true);
    expect(focused(el) === part(el, 'email-button'), 'focus').to.equal(true);
  });

  it('passes axe in both languages, viewing and editing', async () => {
    const { el, portal } = await render();
    await expect(el).to.be.accessible();
    await openEdit(el);
    part(el, 'email-button').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    portal.lang = 'en';
    await elementUpdated(portal);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('switches to English at runtime without asking again', async () => {
    const { el, portal } = await render();
    portal.lang = 'en';
    await elementUpdated(portal);
    await el.updateComplete;
    expect(part(el, 'base').getAttribute('lang')).to.equal('en');
    expect(textOf(part(el, 'heading'))).to.equal('My details');
    expect(row(el, 'Date of birth')).to.equal('12 April 1968');
    expect(row(el, 'Customer type')).to.equal('Private person');
    expect(row(el, 'Correspondence address')).to.equal('Same as the address above');
    expect(textOf(part(el, 'edit-button'))).to.equal('Change details');
    expect(parts(el, 'email-button').map(textOf)).to.deep.equal(['Change e-mail address']);
    expect(textOf(root(el) as unknown as Element)).not.to.match(/Személyes|Ügyfél|módosítása/);
    expect(api.callsTo('GET', '/me')).to.have.length(1);
  });

  it('drops the data when the session ends', async () => {
    const { el, portal } = await render();
    await openEdit(el);
    await portal.logout();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="details"]') === null).to.equal(true);
    expect(root(el).querySelector('[part~="edit-form"]') === null).to.equal(true);
    expect(textOf(root(el) as unknown as Element)).not.to.include('Szőke');
    expect(root(el).querySelector('[part~="logged-out"]') === null).to.equal(false);
  });
});

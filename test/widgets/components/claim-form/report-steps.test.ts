import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { elementUpdated, expect, waitUntil } from '@open-wc/testing';
import type GpClaimForm from '../../../../widgets/components/claim-form/claim-form.component.ts';
import { budapestNow } from '../../../../widgets/components/claim-form/claim-rules.ts';
import { FakeApi } from '../../support/fake-api.ts';
import { part, textOf } from '../../support/render.ts';
import { atWidth, overflowing } from '../../support/viewport.ts';
import {
  $,
  CASCO,
  choose,
  claim,
  daysAgo,
  errorOf,
  heading,
  HOME,
  KGFB,
  loaded,
  next,
  policyList,
  render,
  REPORTED,
  type,
  collisionUpToOtherParty,
} from './fixtures.ts';

/** Issue 17 point 5: a step counter that stays true, a collision that does not trap, and (point 9) dates in the page's language. */
describe('<gp-claim-form>: the steps of a report', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = new FakeApi()
      .on('GET', '/policies', policyList([CASCO, KGFB, HOME]))
      .on('GET', '/claims', { items: [claim({})], page: 1, pageSize: 100, total: 1 })
      .on('POST', '/claims', () => ({ status: 201, json: REPORTED }))
      .install();
  });
  afterEach(async () => {
    api.restore();
    await atWidth(800);
  });

  /** Walks a report of `policyId` to the review, collecting every step heading's counter. */
  async function counters(el: GpClaimForm, policyId: string, claimType: string): Promise<string[]> {
    const seen = [heading(el)];
    await choose(el, 'policyId', policyId);
    await next(el);
    seen.push(heading(el));
    await choose(el, 'claimType', claimType);
    await type(el, 'description', 'Leírás a kárról, elég hosszan.');
    await next(el);
    seen.push(heading(el));
    await type(el, 'date', daysAgo(2));
    await type(el, 'place', 'Győr, Baross út 12.');
    await next(el);
    seen.push(heading(el));
    if (el.shadowRoot!.querySelector('input[name="opSituation"]')) await choose(el, 'opSituation', 'no_vehicle');
    await next(el);
    seen.push(heading(el));
    await next(el);
    seen.push(heading(el));
    return seen.map((h) => /^\d+\. lépés (a|az) \d+-\S+|^Step \d+ of \d+/.exec(h)?.[0] ?? h);
  }

  it('counts the same six steps from the first for a motor and a home report: "1. lépés a 6-ból" never becomes "2. lépés az 5-ből"', async () => {
    const { el } = await render();
    await loaded(el);
    const motor = await counters(el, '12', 'collision');
    expect(motor).to.deep.equal(['1. lépés a 6-ból', '2. lépés a 6-ból', '3. lépés a 6-ból', '4. lépés a 6-ból', '5. lépés a 6-ból', '6. lépés a 6-ból']);
    part(el, 'back-button').click();
    await elementUpdated(el);
    for (let i = 0; i < 4; i++) {
      part(el, 'back-button').click();
      await elementUpdated(el);
    }
    expect(heading(el)).to.equal('1. lépés a 6-ból Szerződés');
    expect(await counters(el, '14', 'storm')).to.deep.equal(motor);
  });

  it('says "Step n of 6" in English, for every product', async () => {
    const { el } = await render({}, 'en');
    await loaded(el);
    expect((await counters(el, '14', 'fire')).map((c) => c.replace(/\d+ of/, 'n of'))).to.deep.equal(Array(6).fill('Step n of 6'));
  });

  it('lets a CASCO collision’s other vehicle be unknown, gone (hit-and-run) or none, and sends the choice without a name or plate', async () => {
    const { el } = await render({ policyId: '12' });
    await loaded(el);
    await collisionUpToOtherParty(el, 'Egy autó nekem jött, majd elhajtott.', 'Győr, Szent István út');
    const options = [...el.shadowRoot!.querySelectorAll('input[name="opSituation"]')].map((i) => (i as HTMLInputElement).value);
    expect(options).to.deep.equal(['known', 'unknown', 'hit_and_run', 'no_vehicle']);
    expect(textOf($(el, 'fieldset legend'))).to.equal('Ki okozta a kárt?');
    expect(el.shadowRoot!.querySelector('#opName')).to.equal(null);
    await next(el);
    expect(errorOf(el, 'opSituation')).to.equal('Válasszon a felkínált lehetőségek közül.');
    await choose(el, 'opSituation', 'known');
    expect(el.shadowRoot!.querySelector('#opName')).not.to.equal(null);
    await choose(el, 'opSituation', 'hit_and_run');
    expect(el.shadowRoot!.querySelector('#opName')).to.equal(null);
    expect(textOf(part(el, 'form'))).to.include('a rendőrségen is tegyen bejelentést');
    await expect(el).to.be.accessible();
    await next(el);
    expect(heading(el)).to.include('Mellékletek');
    await next(el);
    expect(textOf(part(el, 'review'))).to.include('Egy másik jármű, de elhajtott (cserbenhagyás)');
    part(el, 'submit-button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="claim-number"]'), 'not reported');
    const body = api.callsTo('POST', '/claims')[0]!.body as FormData;
    expect(body.get('otherPartySituation')).to.equal('hit_and_run');
    expect(body.has('otherParty')).to.equal(false);
  });

  it('offers KGFB its own choices (no hit-and-run: the customer caused the damage), in English too', async () => {
    const { el, portal } = await render({ policyId: '13' });
    await loaded(el);
    await choose(el, 'claimType', 'collision_liability');
    await type(el, 'description', 'Tolatás közben nekimentem egy kerítésnek.');
    await next(el);
    await type(el, 'date', daysAgo(1));
    await type(el, 'place', 'Győr, Szent István út');
    await next(el);
    const labels = () => [...el.shadowRoot!.querySelectorAll('input[name="opSituation"]')].map((i) => textOf(i.closest('label')));
    expect(labels()).to.deep.equal([
      'Másik járműben, és ismerem az adatait',
      'Másik járműben, de a tulajdonosát nem ismerem (például parkoló autóban)',
      'Nem járműben (például kerítésben, épületben)',
    ]);
    portal.lang = 'en';
    await elementUpdated(portal);
    await el.updateComplete;
    expect(textOf($(el, 'fieldset legend'))).to.equal('What did you damage?');
    expect(labels()[2]).to.equal('Not a vehicle (a fence or a building, for example)');
    await expect(el).to.be.accessible();
  });

  it('takes the date of the loss as the page writes dates, with a hint, and refuses an American date on a Hungarian page', async () => {
    const { el } = await render({ policyId: '14' });
    await loaded(el);
    await choose(el, 'claimType', 'water_leak');
    await type(el, 'description', 'Beázott a fürdőszoba mennyezete.');
    await next(el);
    const date = $<HTMLInputElement>(el, '#date');
    expect(date.type).to.equal('text');
    const today = budapestNow().date;
    const [y, m, d] = today.split('-');
    expect(textOf($(el, '#date-hint'))).to.equal(`Év, hónap, nap, például ${y}. ${m}. ${d}.`);
    expect(date.getAttribute('aria-describedby')).to.equal('date-hint date-error');
    await type(el, 'date', `${m}/${d}/${y}`);
    await type(el, 'place', 'Győr');
    await next(el);
    expect(errorOf(el, 'date')).to.equal('A napot év, hónap, nap sorrendben adja meg, például 2026. 05. 10.');
    const [py, pm, pd] = daysAgo(3).split('-');
    await type(el, 'date', `${py}. ${pm}. ${pd}.`);
    await type(el, 'time', '07:30');
    await next(el);
    await next(el);
    await next(el);
    const long = new Intl.DateTimeFormat('hu-HU', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${daysAgo(3)}T00:00:00Z`));
    expect(textOf(part(el, 'review'))).to.include(`${long} 07:30`);
  });

  it('shows the English date hint day first and reads 15/01-style dates', async () => {
    const { el } = await render({ policyId: '14' }, 'en');
    await loaded(el);
    await choose(el, 'claimType', 'fire');
    await type(el, 'description', 'The kitchen caught fire.');
    await next(el);
    const [y, m, d] = budapestNow().date.split('-');
    expect(textOf($(el, '#date-hint'))).to.equal(`Day/month/year, for example ${d}/${m}/${y}`);
    const [py, pm, pd] = daysAgo(2).split('-');
    await type(el, 'date', `${pd}/${pm}/${py}`);
    await type(el, 'place', 'Győr');
    await next(el);
    expect(heading(el)).to.equal('Step 4 of 6 How we contact you');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px on the other-party step', async () => {
    const { el } = await render({ policyId: '12' });
    await loaded(el);
    await collisionUpToOtherParty(el, 'Egy furgon nekem jött a kereszteződésben.', 'Győr');
    await choose(el, 'opSituation', 'known');
    await atWidth(320);
    expect(overflowing(el)).to.deep.equal([]);
  });
});

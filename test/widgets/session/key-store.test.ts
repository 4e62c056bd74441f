import '../support/languages.ts';
import { afterEach, describe, it } from '../mocha.ts';
import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { generateKeyPair } from 'dpop';
import { openKeyStore, prefetchKeyStore } from '../../../widgets/session/key-store.ts';
import '../../../widgets/components/portal/portal.ts';
import type GpPortal from '../../../widgets/components/portal/portal.component.ts';
import { FAKE_API_BASE, FakeApi } from '../support/fake-api.ts';
import { part, textOf } from '../support/render.ts';

const API_ORIGIN = new URL(FAKE_API_BASE).origin;

describe('the key store', () => {
  const original = indexedDB.open;
  afterEach(() => {
    indexedDB.open = original;
  });

  it('keeps the key pair and handle in IndexedDB, for another page of the same origin to find', async () => {
    const keys = await generateKeyPair('ES256', { extractable: false });
    const store = await openKeyStore(`${FAKE_API_BASE}/persist`);
    expect(store.persistent).to.equal(true);
    await store.save({ keys, handle: 'h-1' });
    // A second opening (as after a reload or a redirect) reads it back from the database.
    const again = await (await openKeyStore(`${FAKE_API_BASE}/persist`)).load();
    expect(again!.handle).to.equal('h-1');
    expect(again!.keys.privateKey).to.be.instanceOf(CryptoKey);
    expect(again!.keys.privateKey.extractable).to.equal(false);
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, again!.keys.privateKey, new Uint8Array([1, 2, 3]));
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, keys.publicKey, signature, new Uint8Array([1, 2, 3]))).to.equal(true);
    await store.clear();
    expect(await store.load()).to.equal(undefined);
  });

  it("opens and reads ahead for the page's first screen: the next opening takes that store and read, once", async () => {
    const base = `${FAKE_API_BASE}/ahead`;
    const keys = await generateKeyPair('ES256', { extractable: false });
    await (await openKeyStore(base)).save({ keys, handle: 'h-ahead' });
    let opened = 0;
    indexedDB.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      opened++;
      return original.apply(this, args);
    };
    expect((await prefetchKeyStore(base))!.handle).to.equal('h-ahead');
    const store = await openKeyStore(base);
    expect(opened).to.equal(1);
    expect((await store.load())!.handle).to.equal('h-ahead');
    // Taken once: the next opening opens the database again.
    await openKeyStore(base);
    expect(opened).to.equal(2);
    // A write after the read ahead: the first load answers with what was written.
    await prefetchKeyStore(base);
    const written = await openKeyStore(base);
    await written.save({ keys, handle: 'h-written' });
    expect((await written.load())!.handle).to.equal('h-written');
    await written.clear();
  });

  it('falls back to memory where IndexedDB is unavailable (some private modes): not persistent', async () => {
    indexedDB.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    const store = await openKeyStore(`${FAKE_API_BASE}/memory`);
    expect(store.persistent).to.equal(false);
    const keys = await generateKeyPair('ES256', { extractable: false });
    await store.save({ keys, handle: 'h-2' });
    expect((await store.load())!.handle).to.equal('h-2');
    indexedDB.open = original;
    // Nothing of it reached IndexedDB.
    expect(await (await openKeyStore(`${FAKE_API_BASE}/memory`)).load()).to.equal(undefined);
  });

  it('tells the customer, while logged in, that the log-in ends with the page (hu, en)', async () => {
    indexedDB.open = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const api = new FakeApi({ authenticated: false }).install();
    api.on('POST', '/session/login', { authorizationUrl: `${API_ORIGIN}/oidc/auth?client_id=t`, loginSecret: 's' });
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const open = window.open;
    window.open = (() => frame.contentWindow) as typeof window.open;
    try {
      const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="t"></gp-portal>`);
      await waitUntil(() => el.session.status === 'anonymous');
      part(el, 'login-button').click();
      await waitUntil(() => api.callsTo('POST', '/session/login').length === 1);
      // Posted until the portal listens (it starts to once the log-in start has been answered).
      await waitUntil(() => {
        window.dispatchEvent(new MessageEvent('message', { origin: API_ORIGIN, source: frame.contentWindow, data: { type: 'gp-login', ticket: 't-1' } }));
        return el.session.status === 'authenticated';
      }, 'not logged in');
      expect(api.callsTo('POST', '/session')).to.have.length(1);
      await elementUpdated(el);
      const note = part(el, 'storage-notice');
      expect(note.getAttribute('role')).to.equal('note');
      expect(textOf(note)).to.equal(
        'Ez a böngésző nem engedi, hogy megjegyezzük a bejelentkezését: ha bezárja vagy újratölti az oldalt, újra be kell jelentkeznie.',
      );
      el.lang = 'en';
      await elementUpdated(el);
      expect(textOf(part(el, 'storage-notice'))).to.contain('if you close or reload this page, you will need to log in again');
      await expect(el).to.be.accessible();
    } finally {
      window.open = open;
      frame.remove();
      api.restore();
    }
  });

  it('refuses a redirect log-in without IndexedDB (the key could not wait), saying what to do instead', async () => {
    indexedDB.open = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const api = new FakeApi({ authenticated: false }).install();
    try {
      const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="t" login-mode="redirect"></gp-portal>`);
      await waitUntil(() => el.session.status === 'anonymous');
      part(el, 'login-button').click();
      await waitUntil(() => textOf(part(el, 'notice')).includes('felugró ablakokat'), 'no advice');
      expect(textOf(part(el, 'notice'))).to.contain('Engedélyezze a felugró ablakokat ezen az oldalon, vagy lépjen ki a privát módból');
      expect(api.callsTo('POST', '/session/login')).to.have.length(0); // no redirect was started
    } finally {
      api.restore();
    }
  });
});

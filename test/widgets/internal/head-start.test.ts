import { describe, it } from '../mocha.ts';
import { expect, waitUntil } from '@open-wc/testing';
import { generateKeyPair } from 'dpop';
import { openKeyStore } from '../../../widgets/session/key-store.ts';
import { packOf } from '../../../widgets/i18n/packs.ts';

/**
 * The head start runs once, when the SDK's module is evaluated with a `<gp-portal>` already in
 * the page (as on a partner page): this file's page has one before it imports the module.
 */
const API_BASE = 'https://head-start.test/api';

describe('the head start', () => {
  it("starts the page language's pack and the session's read before any element is defined", async () => {
    const keys = await generateKeyPair('ES256', { extractable: false });
    await (await openKeyStore(API_BASE)).save({ keys, handle: 'h-head-start' });
    document.body.insertAdjacentHTML('beforeend', `<gp-portal lang="en-GB" api="${API_BASE}"></gp-portal>`);
    const original = indexedDB.open;
    let opened = 0;
    indexedDB.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      opened++;
      return original.apply(this, args);
    };
    try {
      await import('../../../widgets/internal/head-start.ts');
      expect(customElements.get('gp-portal')).to.equal(undefined);
      expect(opened).to.equal(1);
      // The portal, once defined, takes the store opened ahead with its read.
      const store = await openKeyStore(API_BASE);
      expect(opened).to.equal(1);
      expect((await store.load())!.handle).to.equal('h-head-start');
      await store.clear();
      // The pack of the portal's language (en-GB → en), and only that one.
      await waitUntil(() => packOf('en'), 'the en pack never arrived');
      expect(packOf('hu')).to.equal(undefined);
    } finally {
      indexedDB.open = original;
      document.querySelector('gp-portal')?.remove();
    }
  });
});

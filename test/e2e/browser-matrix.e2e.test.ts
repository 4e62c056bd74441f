// The cross-site journey in every engine the product promises to work in, over https on two
// sites (portal.insurer.test and www.broker.test) with a CA made for the run, the product
// behind a TLS front as deployed. How to run it alone: test/e2e/cross-site/README.md.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEMO_LOGINS } from '../../server/seed/index.ts';
import { startConnectProxy } from './cross-site/connect-proxy.ts';
import { crossSiteJourney } from './cross-site/journey.ts';
import { MATRIX, selectedEngines } from './cross-site/matrix.ts';
import { startProductBehindFront, type ProductBehindFront } from './cross-site/product-behind-front.ts';

const engines = selectedEngines(MATRIX);
let product: ProductBehindFront;
let proxy: Awaited<ReturnType<typeof startConnectProxy>>;

describe('the cross-site journey over https, in every engine', () => {
  beforeAll(async () => {
    product = await startProductBehindFront();
    proxy = await startConnectProxy();
  }, 180_000);

  afterAll(async () => {
    await proxy?.close();
    await product?.close();
  });

  for (const engine of engines) {
    it(
      engine.title,
      async () => {
        const browser = await engine.launch({ proxyUrl: proxy.url, spkiSha256: product.pki.spkiSha256 });
        try {
          await crossSiteJourney(engine, browser, { brokerUrl: product.brokerUrl, records: product.front.records }, DEMO_LOGINS.person);
        } finally {
          await browser.close();
        }
      },
      120_000,
    );
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProduct, type Product } from './support/product.ts';

let product: Product;
beforeAll(async () => {
  product = await startProduct();
}, 180_000);
afterAll(async () => product?.close(), 60_000);

describe('the e2e product harness', () => {
  it('runs the insurer and the broker site on two different sites', async () => {
    const ready = await fetch(`${product.insurerUrl}/readyz`);
    expect(ready.status).toBe(200);
    const broker = await (await fetch(product.brokerUrl)).text();
    expect(broker).toContain(`${product.insurerUrl}/sdk/gp-widgets.js`);
    expect(new URL(product.insurerUrl).hostname).toBe('localhost');
    expect(new URL(product.brokerUrl).hostname).toBe('127.0.0.1');
  });
});

import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, DOCUMENT_TYPE_CODES, appliesToProduct, isDocumentTypeCode, requestableTypesFor } from '../../../server/kernel/document-types.ts';
import { PRODUCT_CODES } from '../../../server/kernel/products.ts';

describe('document type catalogue', () => {
  it('lists the nine types with their Hungarian (e-mail subject) and English names', () => {
    expect(DOCUMENT_TYPE_CODES).toHaveLength(9);
    expect(DOCUMENT_TYPES.kotveny.name).toEqual({ hu: 'Kötvény', en: 'Policy document' });
    expect(DOCUMENT_TYPES.dijbekero.name.hu).toBe('Díjbekérő');
    expect(DOCUMENT_TYPES.kartorteneti_igazolas.name.en).toBe('Claims-history certificate');
    expect(DOCUMENT_TYPES.modositas_visszaigazolas.name.hu).toBe('Szerződésmódosítás visszaigazolása');
    for (const code of DOCUMENT_TYPE_CODES) expect(DOCUMENT_TYPES[code].code).toBe(code);
  });

  it('recognises only its own codes', () => {
    expect(isDocumentTypeCode('evfordulos_ertesito')).toBe(true);
    expect(isDocumentTypeCode('toString')).toBe(false);
    expect(isDocumentTypeCode('Kötvény')).toBe(false);
  });

  it('issues a claims-history certificate for motor products only', () => {
    expect(appliesToProduct('kartorteneti_igazolas', 'kgfb')).toBe(true);
    expect(appliesToProduct('kartorteneti_igazolas', 'casco')).toBe(true);
    expect(appliesToProduct('kartorteneti_igazolas', 'home')).toBe(false);
    expect(appliesToProduct('kartorteneti_igazolas', 'travel')).toBe(false);
    expect(requestableTypesFor('home')).not.toContain('kartorteneti_igazolas');
    expect(requestableTypesFor('kgfb')).toContain('kartorteneti_igazolas');
  });

  it('lets customers request certificates but not event-driven notices', () => {
    for (const product of PRODUCT_CODES) {
      const types = requestableTypesFor(product);
      expect(types).toContain('kotveny');
      expect(types).not.toContain('dijbekero');
      expect(types).not.toContain('karbejelentes_visszaigazolas');
    }
  });
});

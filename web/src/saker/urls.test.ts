import { describe, expect, it } from 'vitest';
import { fileUrl, looksLikeSakCode, sakCodeFromParam, sakPageUrl, stripSakPrefix } from './urls';

describe('sak addresses', () => {
  it('writes a sak code into an address and back', () => {
    expect(sakPageUrl('19/2/2026')).toBe('/saker/19-2-2026');
    expect(sakCodeFromParam('19-2-2026')).toBe('19/2/2026');
    expect(sakCodeFromParam('019-02-2026')).toBe('19/2/2026');
  });

  it('refuses what is not a sak code', () => {
    expect(sakCodeFromParam('2-2026')).toBeNull();
    expect(sakCodeFromParam(undefined)).toBeNull();
  });

  it('recognises sak numbers as the papers write them, short forms too', () => {
    expect(looksLikeSakCode('25/2/2025')).toBe(true);
    expect(looksLikeSakCode('Sak 16/2/25')).toBe(true);
    expect(looksLikeSakCode('12/2//23')).toBe(true);
    expect(looksLikeSakCode('helsedata')).toBe(false);
    expect(stripSakPrefix(' sak 25/2/2025 ')).toBe('25/2/2025');
  });

  it('links a stored vedlegg', () => {
    expect(fileUrl('42')).toBe('/files/42');
  });
});

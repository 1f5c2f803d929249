import { describe, expect, it } from 'vitest';
import { documentName } from './kinds';

describe('documentName', () => {
  it('puts the reference before the title', () => {
    expect(documentName({ reference: 'Meld. St. 9 (2023–2024)', title: 'Nasjonal helse- og samhandlingsplan' })).toBe(
      'Meld. St. 9 (2023–2024) Nasjonal helse- og samhandlingsplan',
    );
  });

  it('is the title alone without a reference', () => {
    expect(documentName({ reference: null, title: 'Strategi' })).toBe('Strategi');
    expect(documentName({ reference: '', title: 'Strategi' })).toBe('Strategi');
    expect(documentName({ title: 'Strategi' })).toBe('Strategi');
  });
});

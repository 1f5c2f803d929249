import { describe, expect, it } from 'vitest';
import messages from './messages';
import { formatSakTypes } from './sakTypes';

const nb = (type: 'VEDTAK' | 'DISKUSJON' | 'ORIENTERING') => messages.nb[`type${type}`];

describe('sak types', () => {
  it('writes one type as the papers do', () => {
    expect(formatSakTypes(['VEDTAK'], nb)).toBe('Vedtakssak');
  });

  it('combines types the way the papers do', () => {
    expect(formatSakTypes(['DISKUSJON', 'VEDTAK'], nb)).toBe('Diskusjonssak/vedtakssak');
  });

  it('writes nothing for no type', () => {
    expect(formatSakTypes([], nb)).toBe('');
  });
});

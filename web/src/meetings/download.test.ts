import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';

describe('file names of downloads', () => {
  it('reads the UTF-8 form the API sends', () => {
    expect(fileNameOf("attachment; filename*=UTF-8''Referat%20m%C3%B8te%202-2025.pdf")).toBe('Referat møte 2-2025.pdf');
  });

  it('reads a plain file name', () => {
    expect(fileNameOf('attachment; filename="vedlegg.docx"')).toBe('vedlegg.docx');
  });

  it('gives nothing when there is no name', () => {
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('inline')).toBeNull();
  });
});

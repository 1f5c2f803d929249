import { describe, expect, it } from 'vitest';
import { parseHighlight, unescapeHtml } from './highlight';

describe('highlighted snippets', () => {
  it('reads marks into pieces and unescapes the text', () => {
    expect(parseHighlight('a &lt;b&gt; &amp; <mark>helsedata</mark>…')).toEqual([
      { text: 'a <b> & ', marked: false },
      { text: 'helsedata', marked: true },
      { text: '…', marked: false },
    ]);
  });

  it('keeps any other markup as visible text, never as HTML', () => {
    const pieces = parseHighlight('<script>alert(1)</script> <mark>x</mark>');
    expect(pieces[0]).toEqual({ text: '<script>alert(1)</script> ', marked: false });
    expect(pieces[1]).toEqual({ text: 'x', marked: true });
  });

  it('handles quotes and numeric entities', () => {
    expect(unescapeHtml('&quot;NOU&quot; &#39;25 &#x27;x')).toBe('"NOU" \'25 \'x');
    expect(unescapeHtml('&unknown;')).toBe('&unknown;');
  });

  it('gives nothing for an empty snippet', () => {
    expect(parseHighlight('')).toEqual([]);
  });
});

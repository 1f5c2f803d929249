import { parseHighlight } from './highlight';

/** The API's highlighted HTML as React text with <mark> elements (see highlight.ts). */
export function Highlighted({ html }: { html: string }) {
  return (
    <>
      {parseHighlight(html).map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

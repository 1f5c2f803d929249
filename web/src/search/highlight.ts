// The API's highlighted text is HTML: escaped text with <mark> around the matching words.
// It is read here into plain pieces for React to render, so no HTML from the server is ever
// put into the page as HTML: any other tag stays visible text.

export interface Piece {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

/** Undoes HTML escaping of the five characters the API escapes (and numeric forms). */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const known = ENTITIES[name.toLowerCase()];
    if (known) return known;
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return whole;
  });
}

/** "a &lt;b&gt; <mark>helsedata</mark>…" → [{ "a <b> " }, { "helsedata", marked }, { "…" }]. */
export function parseHighlight(html: string): Piece[] {
  const pieces: Piece[] = [];
  let marked = false;
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) pieces.push({ text: unescapeHtml(part), marked });
  }
  return pieces;
}

import { describe, expect, it } from 'vitest';
import { SEARCH_LIMIT, mayShowMore, searchPage } from './paging';

const hits = (n: number) => Array.from({ length: n }, (_, i) => ({ cursor: `c${i}` }));

describe('searchPage', () => {
  it('offers more after a full page, from the last hit', () => {
    const page = searchPage(hits(50), 50);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: 'c49' });
    expect(page.edges.map((e) => e.node.cursor)).toEqual(hits(50).map((h) => h.cursor));
  });

  it('offers no more after a short page', () => {
    expect(searchPage(hits(12), 50).pageInfo.hasNextPage).toBe(false);
  });

  it('has no cursor when nothing was found', () => {
    expect(searchPage([], 50).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe('mayShowMore', () => {
  it('stops at the limit of the API even after a full page', () => {
    expect(mayShowMore(SEARCH_LIMIT - 50, true)).toBe(true);
    expect(mayShowMore(SEARCH_LIMIT, true)).toBe(false);
  });

  it('stops when the last page was short', () => {
    expect(mayShowMore(30, false)).toBe(false);
  });
});

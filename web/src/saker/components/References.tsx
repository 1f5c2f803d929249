// References to other saker ("Tidligere behandlet: sak 25/2/2025"): found by number or
// by words of the title, recorded as the papers write them, linked when the sak exists.
import { Button, Field, Heading, Label, Paragraph, Search, Select } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { useDescribeError } from '../../api/errors';
import { RouterLink } from '../../components/RouterLink';
import { FailureAlert } from '../../components/states';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { ReferenceKind } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { SakByCodeQuery } from '../sakByCode';
import { looksLikeSakCode, sakPageUrl, stripSakPrefix } from '../urls';

export const ReferenceFragment = graphql(`
  fragment References_Reference on SakReference {
    id
    asWritten
    kind
    sak {
      id
      code
      title
    }
  }
`);

// Words are looked up with the API's search (titles, saksfremlegg and minutes).
const SakSearchQuery = graphql(`
  query ReferenceSakSearch($text: String!) {
    search(text: $text, first: 20) {
      kind
      sak {
        id
        code
        title
      }
    }
  }
`);

const AddReferenceMutation = graphql(`
  mutation AddReference($sakId: ID!, $asWritten: String!, $kind: ReferenceKind!) {
    addReference(sakId: $sakId, asWritten: $asWritten, kind: $kind) {
      id
      ...References_Reference
    }
  }
`);

const RemoveReferenceMutation = graphql(`
  mutation RemoveReference($id: ID!) {
    removeReference(id: $id)
  }
`);

const KINDS: ReferenceKind[] = ['EARLIER_TREATMENT', 'FOLLOW_UP_OF', 'SEE_ALSO'];

interface Found {
  id: string;
  code: string;
  title: string;
}

export function References({
  sakId,
  sakCode,
  references: masked,
  editable,
}: {
  sakId: string;
  sakCode: string;
  references: FragmentType<typeof ReferenceFragment>[];
  editable: boolean;
}) {
  const t = useMessages(messages);
  const describe = useDescribeError();
  const client = useClient();
  const references = masked.map((r) => getFragmentData(ReferenceFragment, r));
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<ReferenceKind>('EARLIER_TREATMENT');
  const [found, setFound] = useState<Found[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [addResult, add] = useMutation(AddReferenceMutation);
  const [removeResult, remove] = useMutation(RemoveReferenceMutation);
  const kindLabel: Record<ReferenceKind, string> = {
    EARLIER_TREATMENT: t.refEARLIER_TREATMENT,
    FOLLOW_UP_OF: t.refFOLLOW_UP_OF,
    SEE_ALSO: t.refSEE_ALSO,
  };

  if (!editable && references.length === 0) return null;

  async function search(event: FormEvent) {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    setSearching(true);
    if (looksLikeSakCode(q)) {
      const r = await client.query(SakByCodeQuery, { code: stripSakPrefix(q) }).toPromise();
      setFound(r.data?.sak ? [r.data.sak] : []);
    } else {
      const r = await client.query(SakSearchQuery, { text: q.slice(0, 200) }).toPromise();
      const saker = (r.data?.search ?? []).flatMap((hit) => (hit.sak ? [hit.sak] : []));
      setFound(saker.filter((s, i) => s.code !== sakCode && saker.findIndex((x) => x.id === s.id) === i).slice(0, 10));
    }
    setSearching(false);
  }

  async function pick(s: Found) {
    const response = await add({ sakId, asWritten: `sak ${s.code}`, kind }, { additionalTypenames: ['SakReference'] });
    if (!response.error) {
      setFound(null);
      setQuery('');
    }
  }

  return (
    <section aria-labelledby="references-h" className="stack" data-testid="references">
      <Heading level={2} data-size="sm" id="references-h">
        {t.references}
      </Heading>
      {references.length === 0 ? (
        <Paragraph className="muted">{t.noReferences}</Paragraph>
      ) : (
        <ul className="plain-list">
          {references.map((r) => (
            <li key={r.id} className="with-action">
              <span className="muted">{kindLabel[r.kind]}: </span>
              {r.sak ? <RouterLink to={sakPageUrl(r.sak.code)}>{t.refLink(r.sak.code, r.sak.title)}</RouterLink> : r.asWritten}
              {editable && (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  aria-label={t.removeReference(r.asWritten)}
                  onClick={() => remove({ id: r.id }, { additionalTypenames: ['SakReference'] })}
                >
                  {t.remove}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="stack reference-search">
          <form role="search" onSubmit={search} aria-label={t.referenceSearch}>
            <Field>
              <Label htmlFor="reference-search">{t.findSak}</Label>
              <Paragraph data-size="sm" className="muted" id="reference-search-hint">
                {t.findSakHint}
              </Paragraph>
              <Search>
                <Search.Input
                  id="reference-search"
                  aria-describedby="reference-search-hint"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                />
                <Search.Button>{t.search}</Search.Button>
              </Search>
            </Field>
          </form>
          <Field>
            <Label>{t.referenceKind}</Label>
            <Select value={kind} onChange={(e) => setKind(e.target.value as ReferenceKind)} width="auto">
              {KINDS.map((k) => (
                <Select.Option key={k} value={k}>
                  {kindLabel[k]}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <div aria-live="polite" aria-busy={searching}>
            {found &&
              (found.length === 0 ? (
                <Paragraph>{t.noSakFound(query.trim())}</Paragraph>
              ) : (
                <ul className="plain-list found-saker" data-testid="found-saker">
                  {found.map((s) => (
                    <li key={s.id}>
                      {t.refLink(s.code, s.title)}{' '}
                      <Button variant="secondary" data-size="sm" onClick={() => pick(s)} aria-label={t.addReferenceTo(s.code)} disabled={addResult.fetching}>
                        {t.addReference}
                      </Button>
                    </li>
                  ))}
                </ul>
              ))}
          </div>
          {(addResult.error || removeResult.error) && <FailureAlert>{describe((addResult.error ?? removeResult.error)!)}</FailureAlert>}
        </div>
      )}
    </section>
  );
}

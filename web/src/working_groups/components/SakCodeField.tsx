import { Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useQuery } from 'urql';
import { Prose } from '../../components/Prose';
import { Loading } from '../../components/states';
import { graphql } from '../../gql';
import type { SakForGroupQuery as SakForGroupResult } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { parseSakCode } from '../../search/codes';
import messages from '../messages';

const SakForGroupQuery = graphql(`
  query SakForGroup($code: String!) {
    sak(code: $code) {
      id
      code
      title
      vedtak
      proposedVedtak
    }
  }
`);

export type FoundSak = NonNullable<SakForGroupResult['sak']>;

export interface SakLookup {
  text: string;
  setText: (text: string) => void;
  /** Reads the typed number and fetches the sak. */
  look: () => void;
  /** The number looked up ("19/2/2026"), or null. */
  code: string | null;
  invalid: boolean;
  sak: FoundSak | null;
  fetching: boolean;
  notFound: boolean;
}

/** The sak whose vedtak sets a group up, looked up by its number. */
export function useSakLookup(initial: string): SakLookup {
  const [text, setText] = useState(initial);
  const [code, setCode] = useState<string | null>(parseSakCode(initial));
  const [invalid, setInvalid] = useState(false);
  const [{ data, fetching }] = useQuery({ query: SakForGroupQuery, variables: { code: code ?? '' }, pause: code === null });
  const sak = code && data?.sak && data.sak.code === code ? data.sak : null;
  return {
    text,
    setText,
    look() {
      const parsed = parseSakCode(text);
      setInvalid(text.trim() !== '' && parsed === null);
      setCode(parsed);
    },
    code,
    invalid,
    sak,
    fetching,
    notFound: code !== null && !fetching && Boolean(data) && !sak,
  };
}

/** The sak number field, with the vedtak of the sak found. */
export function SakCodeField({ id, lookup, error, label }: { id: string; lookup: SakLookup; error?: string; label?: string }) {
  const t = useMessages(messages);
  const { sak } = lookup;
  const vedtak = sak?.vedtak ?? sak?.proposedVedtak;
  return (
    <div className="stack">
      <div className="inline-form">
        <Textfield
          id={id}
          label={label ?? t.sak}
          description={t.sakDescription}
          value={lookup.text}
          onChange={(e) => lookup.setText(e.target.value)}
          onBlur={lookup.look}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              lookup.look();
            }
          }}
          error={lookup.invalid ? t.sakInvalid : error}
          autoComplete="off"
        />
        <Button type="button" variant="secondary" onClick={lookup.look}>
          {t.findSak}
        </Button>
      </div>
      <div aria-live="polite">
        {lookup.code && lookup.fetching && !sak ? (
          <Loading />
        ) : lookup.notFound && lookup.code ? (
          <Paragraph className="form-error">{t.sakNotFound(lookup.code)}</Paragraph>
        ) : sak ? (
          <Card variant="tinted" data-testid="found-sak">
            <Heading level={3} data-size="2xs">
              {t.sakFound(sak.code, sak.title)}
            </Heading>
            {vedtak ? (
              <>
                <Paragraph data-size="sm" className="muted">
                  {sak.vedtak ? t.vedtak : t.proposedVedtak}
                </Paragraph>
                <Prose text={vedtak} />
              </>
            ) : (
              <Paragraph>{t.noVedtak}</Paragraph>
            )}
          </Card>
        ) : null}
      </div>
    </div>
  );
}

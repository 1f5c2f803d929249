import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Prose } from '../../components/Prose';
import { RouterLink } from '../../components/RouterLink';
import { fileUrl, sakPageUrl } from '../../saker/urls';
import { apiUrl } from '../../api/config';
import { useDownload } from '../download';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { formatSakTypes } from '../sakTypes';
import { sakAnchor } from '../urls';
import { HabilitetRecords } from './Habilitet';

export const SakPaperFragment = graphql(`
  fragment SakPaper_Sak on Sak {
    id
    code
    position
    title
    types
    toText
    fromText
    from {
      id
      name
    }
    caseOfficers {
      id
      name
      title
    }
    attachments {
      id
      number
      title
      url
      hasFile
    }
    background
    reason
    keyPoints
    proposedVedtak
    discussion
    vedtak
    habilitet {
      id
      ...Habilitet_Record
    }
  }
`);

/** One sak's saksfremlegg and, once minuted, its discussion and vedtak. */
export function SakPaper({
  sak: masked,
  standalone = false,
}: {
  sak: FragmentType<typeof SakPaperFragment>;
  /** On the sak's own page: the title is the page's heading and there is no agenda to go back to. */
  standalone?: boolean;
}) {
  const { download, loggedIn, failure } = useDownload();
  const top = standalone ? 1 : 3;
  const sub = standalone ? 2 : 4;
  const t = useMessages(messages);
  const s = getFragmentData(SakPaperFragment, masked);
  const anchor = sakAnchor(s.code);
  const from = s.fromText ?? s.from?.name;
  const officers = s.caseOfficers.map((p) => (p.title ? `${p.name}, ${p.title}` : p.name));
  const sections: [string, string | null | undefined][] = [
    [t.background, s.background],
    [t.reason, s.reason],
    [t.keyPoints, s.keyPoints],
  ];
  const hasPaper = sections.some(([, text]) => text) || s.proposedVedtak;
  const types = formatSakTypes(s.types, (type) => t[`type${type}`]);

  return (
    <section className="sak-paper" id={anchor} aria-labelledby={`${anchor}-h`} tabIndex={-1}>
      <Heading level={top} data-size={standalone ? 'lg' : 'sm'} id={`${anchor}-h`}>
        {t.sakTitle(s.code, s.title)}
      </Heading>
      {types && (
        <Tag data-size="sm" data-color="neutral">
          {types}
        </Tag>
      )}
      {(s.toText || from || officers.length > 0 || s.attachments.length > 0) && (
        <dl className="facts">
          {s.toText && (
            <>
              <dt>{t.to}</dt>
              <dd>{s.toText}</dd>
            </>
          )}
          {from && (
            <>
              <dt>{t.from}</dt>
              <dd>{from}</dd>
            </>
          )}
          {officers.length > 0 && (
            <>
              <dt>{t.caseOfficers}</dt>
              <dd>{officers.join('; ')}</dd>
            </>
          )}
          {s.attachments.length > 0 && (
            <>
              <dt>{t.attachments}</dt>
              <dd>
                <ol className="attachments">
                  {[...s.attachments]
                    .sort((a, b) => a.number - b.number)
                    .map((a) => (
                      <li key={a.id} value={a.number}>
                        {a.url ? (
                          <Link href={a.url} rel="noopener noreferrer">
                            {a.title}
                          </Link>
                        ) : a.hasFile ? (
                          <Link
                            href={apiUrl(fileUrl(a.id))}
                            onClick={(e) => {
                              if (!loggedIn) return;
                              e.preventDefault();
                              void download(fileUrl(a.id), a.title);
                            }}
                          >
                            {a.title}
                          </Link>
                        ) : (
                          a.title
                        )}
                      </li>
                    ))}
                </ol>
              </dd>
            </>
          )}
        </dl>
      )}
      {failure && (
        <Paragraph role="alert" className="field-error" data-size="sm">
          {t.downloadMissing}
        </Paragraph>
      )}
      {sections.map(([label, text]) =>
        text ? (
          <div key={label}>
            <Heading level={sub} data-size="2xs">
              {label}
            </Heading>
            <Prose text={text} />
          </div>
        ) : null,
      )}
      {s.proposedVedtak && (
        <Card variant="tinted" data-color="neutral" className="vedtak-card">
          <Heading level={sub} data-size="2xs">
            {t.proposedVedtak}
          </Heading>
          <Prose text={s.proposedVedtak} />
        </Card>
      )}
      {!hasPaper && <Paragraph className="muted">{t.noPaper}</Paragraph>}
      {s.discussion && (
        <div>
          <Heading level={sub} data-size="2xs">
            {t.discussion}
          </Heading>
          <Prose text={s.discussion} />
        </div>
      )}
      {s.vedtak && (
        <Card variant="tinted" data-color="accent" className="vedtak-card" data-testid="vedtak">
          <Heading level={sub} data-size="2xs">
            {t.vedtak}
          </Heading>
          <Prose text={s.vedtak} />
        </Card>
      )}
      {s.habilitet.length > 0 && (
        <div>
          <Heading level={sub} data-size="2xs">
            {t.habilitet}
          </Heading>
          <HabilitetRecords records={s.habilitet} sakCode={s.code} />
        </div>
      )}
      {!standalone && (
        <Paragraph data-size="sm" className="sak-paper__links">
          <RouterLink to={sakPageUrl(s.code)}>{t.openSak(s.code)}</RouterLink>
          <Link href="#agenda">{t.toAgenda}</Link>
        </Paragraph>
      )}
    </section>
  );
}

import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';
import { apiUrl } from '../../api/config';
import { useMessages } from '../../i18n/LanguageProvider';
import { useDownload } from '../download';
import messages from '../messages';
import { meetingDocumentUrl, type PaperFormat, type PaperKind } from '../urls';

const FORMATS: PaperFormat[] = ['pdf', 'docx'];

/** Links to the generated papers (PDF and Word): innkalling, saksdokumenter, referat. */
export function Papers({ code, minutesVisible }: { code: string; minutesVisible: boolean }) {
  const t = useMessages(messages);
  const { download, busy, failure, loggedIn } = useDownload();
  const kinds: PaperKind[] = minutesVisible ? ['innkalling', 'saksdokumenter', 'referat'] : ['innkalling', 'saksdokumenter'];
  const label: Record<PaperKind, string> = {
    innkalling: t.paperInnkalling,
    saksdokumenter: t.paperSaksdokumenter,
    referat: t.paperReferat,
  };
  const failureText = failure && (failure.reason === 'NOT_FOUND' || failure.reason === 'FORBIDDEN' ? t.downloadMissing : t.downloadFailed);

  function onClick(event: MouseEvent<HTMLAnchorElement>, url: string, name: string) {
    // The public follows the link itself; a logged-in user's request needs the token.
    if (!loggedIn) return;
    event.preventDefault();
    void download(url, name);
  }

  return (
    <section aria-labelledby="papers-dl-h" data-testid="downloads">
      <Heading level={2} data-size="sm" id="papers-dl-h">
        {t.downloadsHeading}
      </Heading>
      <ul className="downloads">
        {kinds.map((kind) => (
          <li key={kind}>
            <span className="downloads__name">{label[kind]}</span>
            {FORMATS.map((format) => {
              const url = meetingDocumentUrl(code, kind, format);
              const name = `${kind}-${code.replace('/', '-')}.${format}`;
              return (
                <Link
                  key={format}
                  href={apiUrl(url)}
                  download={name}
                  onClick={(e) => onClick(e, url, name)}
                  aria-label={t.downloadAs(label[kind], format === 'pdf' ? 'PDF' : 'Word')}
                  aria-busy={busy === url || undefined}
                >
                  {format === 'pdf' ? 'PDF' : 'Word'}
                </Link>
              );
            })}
          </li>
        ))}
      </ul>
      {failureText && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failureText}</Paragraph>
        </Alert>
      )}
    </section>
  );
}

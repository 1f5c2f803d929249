import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';

/** One table of the report: its heading, a CSV download of the same figures, chart and table. */
export function ReportSection({
  id,
  heading,
  table,
  onDownload,
  busy,
  children,
}: {
  id: string;
  heading: string;
  /** The table's name, for the download button's label. */
  table: string;
  onDownload: () => void;
  busy: boolean;
  children: ReactNode;
}) {
  const t = useMessages(messages);
  return (
    <section aria-labelledby={`${id}-h`} className="stack" data-testid={`report-${id}`}>
      <div className="section-head">
        <Heading level={2} data-size="sm" id={`${id}-h`}>
          {heading}
        </Heading>
        <Button variant="secondary" data-size="sm" onClick={onDownload} loading={busy} disabled={busy} aria-label={t.downloadCsvLabel(table)}>
          {busy ? t.downloading : t.downloadCsv}
        </Button>
      </div>
      {children}
    </section>
  );
}

/** A report section's table: scrolls sideways on narrow screens; the caption is for screen readers. */
export function SectionTable({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <Table zebra data-size="sm">
        <caption className="ds-sr-only">{caption}</caption>
        <Table.Head>
          <Table.Row>{head}</Table.Row>
        </Table.Head>
        <Table.Body>{children}</Table.Body>
      </Table>
    </div>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <Paragraph className="muted">{children}</Paragraph>;
}

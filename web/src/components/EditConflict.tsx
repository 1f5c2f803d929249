import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useMessages } from '../i18n/LanguageProvider';
import messages from './formMessages';

export interface ConflictField {
  label: string;
  mine: string;
  theirs: string;
}

/**
 * Someone else saved first. The user's text stays in the form; this shows what differs
 * from what is saved now, and lets the user keep theirs (saved over the new version) or
 * take the saved one.
 */
export function EditConflict({
  fields,
  theirsLoaded,
  onKeepMine,
  onTakeTheirs,
  saving,
}: {
  fields: ConflictField[];
  /** False while the saved version is being fetched. */
  theirsLoaded: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  saving?: boolean;
}) {
  const t = useMessages(messages);
  const differing = fields.filter((f) => f.mine.trim() !== f.theirs.trim());
  return (
    <Alert data-color="warning" data-testid="edit-conflict" className="stack" role="alert">
      <Heading level={2} data-size="xs">
        {t.conflictHeading}
      </Heading>
      <Paragraph>{t.conflictText}</Paragraph>
      {!theirsLoaded ? (
        <Paragraph>{t.conflictLoading}</Paragraph>
      ) : differing.length === 0 ? (
        <Paragraph>{t.conflictSame}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table data-size="sm" className="conflict-table">
            <caption className="ds-sr-only">{t.conflictHeading}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.conflictField}</Table.HeaderCell>
                <Table.HeaderCell>{t.conflictMine}</Table.HeaderCell>
                <Table.HeaderCell>{t.conflictTheirs}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {differing.map((f) => (
                <Table.Row key={f.label}>
                  <Table.HeaderCell scope="row">{f.label}</Table.HeaderCell>
                  <Table.Cell className="prewrap">{f.mine || t.empty}</Table.Cell>
                  <Table.Cell className="prewrap">{f.theirs || t.empty}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <div className="button-row">
        <Button onClick={onKeepMine} disabled={!theirsLoaded || saving} loading={saving}>
          {t.conflictKeepMine}
        </Button>
        <Button variant="secondary" onClick={onTakeTheirs} disabled={!theirsLoaded || saving}>
          {t.conflictTakeTheirs}
        </Button>
      </div>
    </Alert>
  );
}

/**
 * EditConflict while a form's conflict is open and what is saved now (`latest`) is known:
 * taking the saved version hands `latest` back to the form and closes the conflict.
 */
export function FormConflict<V>({
  conflict,
  latest,
  fields,
  onKeepMine,
  onTakeTheirs,
  saving,
}: {
  conflict: { active: boolean; theirsLoaded: boolean; end: () => void } | undefined;
  latest: V | null | undefined;
  fields: (latest: V) => ConflictField[];
  onKeepMine: () => void;
  onTakeTheirs: (latest: V) => void;
  saving: boolean;
}) {
  if (!conflict?.active || latest === null || latest === undefined) return null;
  return (
    <EditConflict
      theirsLoaded={conflict.theirsLoaded}
      saving={saving}
      fields={fields(latest)}
      onKeepMine={onKeepMine}
      onTakeTheirs={() => {
        onTakeTheirs(latest);
        conflict.end();
      }}
    />
  );
}

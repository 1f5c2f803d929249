import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { errorCodes } from '../../api/errors';
import { EditConflict } from '../../components/EditConflict';
import { useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { useConflict } from '../../components/useConflict';
import { graphql } from '../../gql';
import type { UpdatePolicyDocumentInput } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';

const UpdateOverviewCellMutation = graphql(`
  mutation UpdateOverviewCell($input: UpdatePolicyDocumentInput!) {
    updatePolicyDocument(input: $input) {
      id
      version
      followUpProposal
      launch {
        date
        text
        sortDate
        precision
        postponed
      }
    }
  }
`);

export interface CellField {
  key: 'followUpProposal' | 'launchText' | 'launchDate';
  label: string;
  value: string;
  multiline?: boolean;
  type?: 'date';
}

/**
 * A cell of the overview the secretariat edits where it stands: the value, an "Edit" button,
 * and in its place a small form. After a CONFLICT the typed text stays and the two versions
 * are shown side by side.
 */
export function InPlaceEdit({
  documentId,
  version,
  fields,
  editLabel,
  onSaved,
  fetchLatest,
  children,
}: {
  documentId: string;
  version: number;
  fields: CellField[];
  editLabel: string;
  onSaved: () => void;
  fetchLatest: () => Promise<unknown>;
  children: ReactNode;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, update] = useMutation(UpdateOverviewCellMutation);
  const server = useServerErrors(result.error);
  const conflict = useConflict(fetchLatest);
  const firstField = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) firstField.current?.focus();
    else if (wasOpen.current) editButton.current?.focus();
    wasOpen.current = open;
  }, [open]);

  function start() {
    setValues(Object.fromEntries(fields.map((x) => [x.key, x.value])));
    setOpen(true);
  }

  async function save(e?: FormEvent) {
    e?.preventDefault();
    const input: UpdatePolicyDocumentInput = { id: documentId, version };
    for (const x of fields) {
      const v = (values[x.key] ?? '').trim();
      if (x.key === 'launchDate') input.launchDate = v || null;
      else if (x.key === 'launchText') input.launchText = v || null;
      else input.followUpProposal = v || null;
    }
    const response = await update({ input });
    if (!response.error) {
      conflict.end();
      setOpen(false);
      onSaved();
    } else if (errorCodes(response.error).has('CONFLICT')) {
      void conflict.begin();
    }
  }

  if (!open) {
    return (
      <div className="in-place">
        <div className="prewrap">{children}</div>
        <Button ref={editButton} variant="tertiary" data-size="sm" aria-label={editLabel} onClick={start}>
          {t.editInPlace}
        </Button>
      </div>
    );
  }

  return (
    <form className="stack in-place-form" onSubmit={save} noValidate>
      {conflict.active && (
        <EditConflict
          theirsLoaded={conflict.theirsLoaded}
          saving={result.fetching}
          fields={fields.map((x) => ({ label: x.label, mine: values[x.key] ?? '', theirs: x.value }))}
          onKeepMine={() => save()}
          onTakeTheirs={() => {
            setValues(Object.fromEntries(fields.map((x) => [x.key, x.value])));
            conflict.end();
          }}
        />
      )}
      {server.other && (
        <Paragraph className="form-error" role="alert">
          {server.other}
        </Paragraph>
      )}
      {fields.map((x, i) => {
        const change = (e: { target: { value: string } }) => setValues((v) => ({ ...v, [x.key]: e.target.value }));
        const escape = (e: { key: string }) => {
          if (e.key === 'Escape') setOpen(false);
        };
        return x.multiline ? (
          <Textfield
            key={x.key}
            ref={i === 0 ? firstField : undefined}
            label={x.label}
            data-size="sm"
            multiline
            rows={4}
            value={values[x.key] ?? ''}
            onChange={change}
            onKeyDown={escape}
            error={server.fields[x.key]}
          />
        ) : (
          <Textfield
            key={x.key}
            ref={i === 0 ? firstField : undefined}
            label={x.label}
            data-size="sm"
            type={x.type}
            value={values[x.key] ?? ''}
            onChange={change}
            onKeyDown={escape}
            error={server.fields[x.key]}
          />
        );
      })}
      <div className="cell-actions">
        <Button type="submit" data-size="sm" loading={result.fetching} disabled={result.fetching}>
          {f.save}
        </Button>
        <Button
          type="button"
          data-size="sm"
          variant="secondary"
          onClick={() => {
            conflict.end();
            setOpen(false);
          }}
        >
          {f.cancel}
        </Button>
      </div>
    </form>
  );
}

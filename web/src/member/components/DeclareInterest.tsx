import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';

const DeclareMyInterestMutation = graphql(`
  mutation DeclareMyInterest($sakId: ID!, $declaration: String!) {
    declareInterest(sakId: $sakId, declaration: $declaration) {
      id
      outcome
      declaration
      version
      person {
        id
      }
    }
  }
`);

/** A member declares an interest in one sak before the meeting; the council assesses it there. */
export function DeclareInterest({ sakId, sakCode, onDeclared }: { sakId: string; sakCode: string; onDeclared: (code: string) => void }) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [result, declare] = useMutation(DeclareMyInterestMutation);
  const server = useServerErrors(result.error, { declaration: t.declarationMissing });
  const field = useRef<HTMLTextAreaElement | HTMLInputElement>(null);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!text.trim());
    if (!text.trim()) return;
    const response = await declare({ sakId, declaration: text.trim() }, { additionalTypenames: ['ConflictOfInterest'] });
    if (!response.error) {
      setOpen(false);
      setText('');
      onDeclared(sakCode);
    }
  }

  if (!open) {
    return (
      <Button variant="tertiary" data-size="sm" aria-label={t.declareLabel(sakCode)} onClick={() => setOpen(true)}>
        {t.declare}
      </Button>
    );
  }
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="declare-form">
      <Textfield
        ref={field}
        multiline
        rows={3}
        data-size="sm"
        label={t.declaration(sakCode)}
        description={t.declarationHint}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={missing ? t.declarationMissing : server.fields.declaration}
      />
      {(server.conflict || server.other) && (
        <Paragraph className="form-error" role="alert">
          {server.conflict ? t.declareTooLate : server.other}
        </Paragraph>
      )}
      <div className="cell-actions">
        <Button type="submit" data-size="sm" loading={result.fetching} disabled={result.fetching}>
          {t.send}
        </Button>
        <Button type="button" data-size="sm" variant="secondary" onClick={() => setOpen(false)}>
          {f.cancel}
        </Button>
      </div>
    </form>
  );
}

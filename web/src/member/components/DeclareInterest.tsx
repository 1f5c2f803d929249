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

/**
 * A member declares an interest in one sak before the meeting; the council assesses it there.
 * `missingText` says what to write when the text is empty. `submit` tells whether it was saved.
 */
export function useDeclaration(sakId: string, missingText: string) {
  const t = useMessages(messages);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [result, declare] = useMutation(DeclareMyInterestMutation);
  const server = useServerErrors(result.error, { declaration: missingText });

  async function submit(e: FormEvent): Promise<boolean> {
    e.preventDefault();
    setMissing(!text.trim());
    if (!text.trim()) return false;
    const response = await declare({ sakId, declaration: text.trim() }, { additionalTypenames: ['ConflictOfInterest'] });
    return !response.error;
  }

  return {
    text,
    setText,
    submit,
    busy: result.fetching,
    /** At the text field. */
    error: missing ? missingText : server.fields.declaration,
    /** For the form as a whole: too late (CONFLICT) or another failure. */
    failure: server.conflict ? t.declareTooLate : server.other,
  };
}

export function DeclareInterest({ sakId, sakCode, onDeclared }: { sakId: string; sakCode: string; onDeclared: (code: string) => void }) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [open, setOpen] = useState(false);
  const declaration = useDeclaration(sakId, t.declarationMissing);
  const field = useRef<HTMLTextAreaElement | HTMLInputElement>(null);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  async function submit(e: FormEvent) {
    if (await declaration.submit(e)) {
      setOpen(false);
      declaration.setText('');
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
        value={declaration.text}
        onChange={(e) => declaration.setText(e.target.value)}
        error={declaration.error}
      />
      {declaration.failure && (
        <Paragraph className="form-error" role="alert">
          {declaration.failure}
        </Paragraph>
      )}
      <div className="cell-actions">
        <Button type="submit" data-size="sm" loading={declaration.busy} disabled={declaration.busy}>
          {t.send}
        </Button>
        <Button type="button" data-size="sm" variant="secondary" onClick={() => setOpen(false)}>
          {f.cancel}
        </Button>
      </div>
    </form>
  );
}

import { Button, Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/** A part of a page that lists things, with the button beside its heading that opens the form to add one. */
export function ListSection({
  id,
  title,
  add,
  children,
}: {
  id: string;
  title: string;
  /** Left out for those who may not add. */
  add?: { label: string; expanded: boolean; onClick: () => void };
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-h`} className="stack">
      <div className="section-head">
        <Heading level={2} data-size="sm" id={`${id}-h`}>
          {title}
        </Heading>
        {add && (
          <Button variant="secondary" data-size="sm" aria-expanded={add.expanded} onClick={add.onClick}>
            {add.label}
          </Button>
        )}
      </div>
      {children}
    </section>
  );
}

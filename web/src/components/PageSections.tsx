// A long page in sections, with links to them at the top.
import { Heading, Link } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

export function PageSectionsNav({ label, sections }: { label: string; sections: { id: string; title: string }[] }) {
  return (
    <nav aria-label={label} className="page-sections">
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <Link href={`#${s.id}`}>{s.title}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Focusable, so that following a link to the section moves keyboard focus there too. */
export function PageSection({
  id,
  title,
  className,
  testId,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} className={className} tabIndex={-1} data-testid={testId}>
      <Heading level={2} data-size="md" id={`${id}-h`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

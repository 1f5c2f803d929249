import { Paragraph } from '@digdir/designsystemet-react';

/** Text as the secretariat wrote it: blank lines part paragraphs, single line breaks stay. */
export function Prose({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className="prose">
      {paragraphs.map((p, i) => (
        <Paragraph key={i}>{p}</Paragraph>
      ))}
    </div>
  );
}

import type { ReactNode } from 'react';

/** One term and its value in a facts list (`<dl className="facts">`). */
export function Fact({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </>
  );
}

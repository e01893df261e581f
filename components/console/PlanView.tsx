import type { ReactNode } from 'react';
import type { PlanSection } from '@/lib/console/plan';

export interface PlanViewProps {
  sections: PlanSection[];
}

/** EXPLAIN / EXPLAIN ANALYZE output as readable, scrollable plan text. */
export function PlanView({ sections }: PlanViewProps): ReactNode {
  return (
    <div className="plan" role="region" aria-label="Query plan">
      {sections.map((section, index) => (
        <section key={index}>
          <h3>{section.title}</h3>
          <pre>{section.text}</pre>
        </section>
      ))}
    </div>
  );
}

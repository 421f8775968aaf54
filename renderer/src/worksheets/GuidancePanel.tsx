// The guidance that opens a section: why it matters, the questions, an example. Collapsible; the
// choice is remembered per section on this computer.
import { useState } from 'react';
import type { SectionId } from '../../../shared/domain/record-types.ts';
import { GUIDANCE } from './section-guidance.ts';

export function GuidancePanel({ section }: { section: SectionId }) {
  const key = `ewb-guidance-closed-${section}`;
  const [open, setOpen] = useState(() => localStorage.getItem(key) !== '1');
  const guidance = GUIDANCE[section];
  if (!guidance) return null;
  return (
    <details
      className="guidance"
      open={open}
      onToggle={(event) => {
        const isOpen = (event.currentTarget as HTMLDetailsElement).open;
        setOpen(isOpen);
        localStorage.setItem(key, isOpen ? '0' : '1');
      }}
    >
      <summary>Why this matters, and what to ask</summary>
      <p>{guidance.why}</p>
      <ul>
        {guidance.questions.map((question) => <li key={question}>{question}</li>)}
      </ul>
      <p className="guidance__example"><strong>For example:</strong> {guidance.example}</p>
    </details>
  );
}

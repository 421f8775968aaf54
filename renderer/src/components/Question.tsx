// A question asked in place (before discarding, deleting, completing with gaps open): it takes focus
// when it appears, so a keyboard or screen-reader user hears it, and `useAnswered` puts focus back
// on the button that asked once it is answered "no".
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

export function Question({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} className={`question${className ? ` ${className}` : ''}`} role="group" aria-label={label} tabIndex={-1}>
      {children}
    </div>
  );
}

/**
 * The button that asks a question, and `declined()` to call when the answer is "no": focus goes
 * back to that button once it is shown again.
 */
export function useAnswered(asking: boolean): { trigger: RefObject<HTMLButtonElement | null>; declined: () => void } {
  const trigger = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!asking && refocus.current) {
      refocus.current = false;
      trigger.current?.focus();
    }
  }, [asking]);
  return { trigger, declined: () => (refocus.current = true) };
}

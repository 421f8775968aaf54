// An important notice (GOV.UK notification banner): what happened that the planner should know.
// A notice that answers what the planner just did can take focus, so the keyboard stays where
// they are reading instead of dropping to the top of the page when the form or button goes.
import { useEffect, useRef, type ReactNode } from 'react';

export function Notice({ title, children, kind = 'info', onDismiss, takeFocus }: { title: string; children: ReactNode; kind?: 'info' | 'success' | 'error'; onDismiss?: () => void; takeFocus?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Only when it first shows: a notice re-rendered with new words must not pull focus back.
    if (takeFocus) heading.current?.focus();
  }, []);
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="notice__header">
        <h2 className="notice__title" ref={heading} tabIndex={takeFocus ? -1 : undefined}>{title}</h2>
        {onDismiss && (
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss<span className="visually-hidden"> notice: {title}</span>
          </button>
        )}
      </div>
      <div className="notice__body">{children}</div>
    </div>
  );
}

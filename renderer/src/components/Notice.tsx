// An important notice (GOV.UK notification banner): what happened that the planner should know.
import type { ReactNode } from 'react';

export function Notice({ title, children, kind = 'info', onDismiss }: { title: string; children: ReactNode; kind?: 'info' | 'success' | 'error'; onDismiss?: () => void }) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="notice__header">
        <h2 className="notice__title">{title}</h2>
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

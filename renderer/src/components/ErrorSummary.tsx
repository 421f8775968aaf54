// The error summary at the top of a form (GOV.UK pattern): focused when it appears, each message a
// link to its field.
import { useEffect, useRef } from 'react';

export interface FieldError {
  field: string;
  /** The id of the input to jump to. */
  target: string;
  message: string;
}

/** "Title: Enter a title", but a message that already names its field ("By when must include a month") as it is. */
export function summaryMessage(label: string, message: string): string {
  return message.startsWith(label) ? message : `${label}: ${message}`;
}

export function ErrorSummary({ errors, title = 'There is a problem' }: { errors: FieldError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">{title}</h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.field}>
            <a
              href={`#${error.target}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(error.target)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

// A modal dialog on the native <dialog> element: focus is trapped, Escape closes it, focus returns.
// One dialog can follow another (choosing where the Word file goes, then the Excel file): the second
// returns focus to what opened the first, not to the first's vanished input; and focus returns only
// to something that can take it, so it never falls to the top of the page.
import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

/** Where each open dialog sends focus back to, so a dialog opened from inside another inherits it. */
const returnTargets = new WeakMap<HTMLDialogElement, HTMLElement>();

/** What focus should go back to when a dialog opened now closes, best first. */
function openersOf(active: Element | null): HTMLElement[] {
  if (!(active instanceof HTMLElement) || active === document.body) return [];
  const outer = active.closest('dialog');
  const outerTarget = outer ? returnTargets.get(outer) : undefined;
  // Focus still sits in a dialog that has closed: this one goes back where that one would have.
  if (outer && !outer.open) return outerTarget ? [outerTarget] : [];
  // Opened from inside another dialog, which may close first: then back to what opened that one.
  return outerTarget ? [active, outerTarget] : [active];
}

function canTakeFocus(element: HTMLElement): boolean {
  return element.isConnected && !(element as HTMLButtonElement).disabled && element.getAttribute('aria-hidden') !== 'true' && !element.closest('[inert], dialog:not([open])');
}

export function Dialog({ title, onClose, children, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const openers = openersOf(document.activeElement);
    if (dialog && openers[0]) returnTargets.set(dialog, openers[0]);
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // Another dialog opened meanwhile holds focus now; taking it back would strand the keyboard.
      if (document.querySelector('dialog[open]')) return;
      openers.find(canTakeFocus)?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby="dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 className="dialog__title" id="dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}

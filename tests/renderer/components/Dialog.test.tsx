// @vitest-environment happy-dom
// Where focus goes when a dialog closes: back to what opened it; when one dialog follows another,
// back to what opened the first (not the first's vanished input).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Dialog } from '../../../renderer/src/components/Dialog.tsx';

/** "Open" shows the first dialog; its "Next" opens a second from inside it and then closes the first. */
function TwoDialogs() {
  const [first, setFirst] = useState(false);
  const [second, setSecond] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setFirst(true)}>Open</button>
      {first && (
        <Dialog title="First" onClose={() => setFirst(false)}>
          <input aria-label="First name box" />
          <button type="button" onClick={() => setSecond(true)}>Next</button>
          <button type="button" onClick={() => setFirst(false)}>Done</button>
        </Dialog>
      )}
      {second && (
        <Dialog title="Second" onClose={() => setSecond(false)}>
          <button type="button" onClick={() => setSecond(false)}>Close second</button>
        </Dialog>
      )}
    </>
  );
}

function press(name: string) {
  const button = screen.getByRole('button', { name });
  act(() => button.focus());
  fireEvent.click(button);
}

afterEach(cleanup);

describe('Dialog focus', () => {
  it('returns focus to what opened it', () => {
    render(<TwoDialogs />);
    press('Open');
    expect(screen.getByRole('dialog', { name: 'First' })).toBeTruthy();
    press('Done');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open' }));
  });

  it('sends a dialog opened from another, which closed first, back to what opened the first', () => {
    render(<TwoDialogs />);
    press('Open');
    press('Next');
    // The first closes while the second is open: the second keeps focus.
    const closeSecond = screen.getByRole('button', { name: 'Close second', hidden: true });
    act(() => closeSecond.focus());
    fireEvent.click(screen.getByRole('button', { name: 'Done', hidden: true }));
    expect(screen.queryByRole('dialog', { name: 'First', hidden: true })).toBeNull();
    expect(document.activeElement).toBe(closeSecond);
    fireEvent.click(closeSecond);
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open' }));
  });

});

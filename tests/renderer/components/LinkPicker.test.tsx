// @vitest-environment happy-dom
// The link picker keeps the keyboard where the planner is: a ticked box moves into the chosen list
// and keeps focus there, an unticked one goes back (or, hidden by the filter, focus goes to the
// filter), and a filter that finds nothing says so.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkPicker, type LinkOption } from '../../../renderer/src/components/LinkPicker.tsx';

const OPTIONS: LinkOption[] = [
  { id: 'a1', label: 'Oakmere students' },
  { id: 'a2', label: 'Riverside tenants' },
  { id: 'a3', label: 'Older people in Oakmere' },
];

function Picker({ start = [] }: { start?: string[] }) {
  const [value, setValue] = useState<string[]>(start);
  return <LinkPicker id="audiences" legend="Audiences" options={OPTIONS} value={value} onChange={setValue} />;
}

function tick(box: HTMLElement) {
  act(() => {
    box.focus();
    fireEvent.click(box);
  });
}

function filterBox(): HTMLInputElement {
  return screen.getByLabelText('Find audiences to add');
}

afterEach(cleanup);

describe('LinkPicker focus', () => {
  it('keeps focus on a ticked box once it has moved into the chosen list', () => {
    render(<Picker />);
    fireEvent.change(filterBox(), { target: { value: 'oakm' } });
    tick(screen.getByRole('checkbox', { name: 'Oakmere students' }));
    const moved = screen.getByRole('checkbox', { name: 'Oakmere students' }) as HTMLInputElement;
    expect(moved.checked).toBe(true);
    expect(screen.getByRole('list', { name: 'Chosen audiences' }).contains(moved)).toBe(true);
    expect(document.activeElement).toBe(moved);
  });

  it('keeps focus on an unticked box back in the list, or puts it in the filter when the filter hides the box', () => {
    render(<Picker start={['a1', 'a2']} />);
    tick(screen.getByRole('checkbox', { name: 'Oakmere students' }));
    const back = screen.getByRole('checkbox', { name: 'Oakmere students' }) as HTMLInputElement;
    expect(back.checked).toBe(false);
    expect(document.activeElement).toBe(back);

    fireEvent.change(filterBox(), { target: { value: 'older' } });
    tick(screen.getByRole('checkbox', { name: 'Riverside tenants' }));
    expect(screen.queryByRole('checkbox', { name: 'Riverside tenants' })).toBeNull();
    expect(document.activeElement).toBe(filterBox());
  });

  it('says when the filter finds nothing, and when what it found is already chosen', () => {
    render(<Picker />);
    fireEvent.change(filterBox(), { target: { value: 'zebra' } });
    expect(screen.getByRole('status').textContent).toBe('No matches for “zebra”.');
    fireEvent.change(filterBox(), { target: { value: 'riverside' } });
    expect(screen.queryByRole('status')).toBeNull();
    tick(screen.getByRole('checkbox', { name: 'Riverside tenants' }));
    expect(screen.getByRole('status').textContent).toBe('No other matches for “riverside”.');
  });
});

// @vitest-environment happy-dom
// The link picker: its rows and handlers are kept from render to render, so these check that ticking
// and unticking still read the newest choice, and that the filter still finds what it should. And it
// keeps the keyboard where the planner is: a ticked box moves into the chosen list and keeps focus
// there, an unticked one goes back (or, hidden by the filter, focus goes to the filter), and a
// filter that finds nothing says so.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkPicker, type LinkOption } from '../../../renderer/src/components/LinkPicker.tsx';

const OPTIONS: LinkOption[] = Array.from({ length: 100 }, (_, i) => ({ id: `a${i}`, label: `Audience ${i} ${i % 2 ? 'Oakmere' : 'Riverside'}` }));

function Picker({ onValue }: { onValue: (ids: string[]) => void }) {
  const [value, setValue] = useState<string[]>([]);
  return (
    <LinkPicker
      id="p"
      legend="Audiences"
      options={OPTIONS}
      value={value}
      onChange={(ids) => {
        setValue(ids);
        onValue(ids);
      }}
    />
  );
}

afterEach(cleanup);

describe('LinkPicker', () => {
  it('adds each ticked option to the choice made so far, and takes an unticked one out', () => {
    const seen: string[][] = [];
    render(<Picker onValue={(ids) => seen.push(ids)} />);
    fireEvent.click(screen.getByLabelText('Audience 3 Oakmere'));
    fireEvent.click(screen.getByLabelText('Audience 4 Riverside'));
    fireEvent.change(screen.getByPlaceholderText('Find audiences to add'), { target: { value: 'audience 7' } });
    fireEvent.click(screen.getByLabelText('Audience 70 Riverside'));
    expect(seen.at(-1)).toEqual(['a3', 'a4', 'a70']);
    const chosen = screen.getByRole('list', { name: 'Chosen audiences' });
    fireEvent.click(within(chosen).getByLabelText('Audience 4 Riverside'));
    expect(seen.at(-1)).toEqual(['a3', 'a70']);
  });

  it('filters as the planner types, leaving out what is chosen, and says how many more there are', () => {
    render(<Picker onValue={() => {}} />);
    const options = () => screen.getAllByRole('checkbox').map((box) => box.closest('label')!.textContent);
    expect(screen.getByText('40 more: type to find them.')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('Find audiences to add'), { target: { value: 'OAKMERE' } });
    expect(options()).toHaveLength(50);
    expect(options().every((label) => label!.includes('Oakmere'))).toBe(true);
    fireEvent.click(screen.getByLabelText('Audience 1 Oakmere'));
    fireEvent.change(screen.getByPlaceholderText('Find audiences to add'), { target: { value: ' audience 1' } });
    const listed = [...document.querySelectorAll('.link-picker__options label')].map((label) => label.textContent);
    expect(listed).toEqual(Array.from({ length: 10 }, (_, i) => `Audience ${10 + i} ${i % 2 ? 'Oakmere' : 'Riverside'}`));
    expect(within(screen.getByRole('list', { name: 'Chosen audiences' })).getByLabelText('Audience 1 Oakmere')).toBeTruthy();
  });
});

const FEW: LinkOption[] = [
  { id: 'a1', label: 'Oakmere students' },
  { id: 'a2', label: 'Riverside tenants' },
  { id: 'a3', label: 'Older people in Oakmere' },
];

function FocusPicker({ start = [] }: { start?: string[] }) {
  const [value, setValue] = useState<string[]>(start);
  return <LinkPicker id="audiences" legend="Audiences" options={FEW} value={value} onChange={setValue} />;
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

describe('LinkPicker focus', () => {
  it('keeps focus on a ticked box once it has moved into the chosen list', () => {
    render(<FocusPicker />);
    fireEvent.change(filterBox(), { target: { value: 'oakm' } });
    tick(screen.getByRole('checkbox', { name: 'Oakmere students' }));
    const moved = screen.getByRole('checkbox', { name: 'Oakmere students' }) as HTMLInputElement;
    expect(moved.checked).toBe(true);
    expect(screen.getByRole('list', { name: 'Chosen audiences' }).contains(moved)).toBe(true);
    expect(document.activeElement).toBe(moved);
  });

  it('keeps focus on an unticked box back in the list, or puts it in the filter when the filter hides the box', () => {
    render(<FocusPicker start={['a1', 'a2']} />);
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
    render(<FocusPicker />);
    fireEvent.change(filterBox(), { target: { value: 'zebra' } });
    expect(screen.getByRole('status').textContent).toBe('No matches for “zebra”.');
    fireEvent.change(filterBox(), { target: { value: 'riverside' } });
    expect(screen.queryByRole('status')).toBeNull();
    tick(screen.getByRole('checkbox', { name: 'Riverside tenants' }));
    expect(screen.getByRole('status').textContent).toBe('No other matches for “riverside”.');
  });
});

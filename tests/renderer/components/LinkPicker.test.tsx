// @vitest-environment happy-dom
// The link picker: its rows and handlers are kept from render to render, so these check that ticking
// and unticking still read the newest choice, and that the filter still finds what it should.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
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

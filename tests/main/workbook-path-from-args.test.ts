// Which workbook a launch asks for.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbookPathFromArgs } from '../../electron/main/workbook-path-from-args.ts';

describe('workbookPathFromArgs', () => {
  it('finds the first .ewb argument, in any case, made absolute against the working folder', () => {
    expect(workbookPathFromArgs(['/opt/ewb', 'a.EWB', 'b.ewb'], '/home/p')).toBe(path.resolve('/home/p', 'a.EWB'));
    expect(workbookPathFromArgs(['/opt/ewb', '/abs/plan.ewb'], '/home/p')).toBe(path.resolve('/abs/plan.ewb'));
  });

  it('skips the executable, switches and other arguments', () => {
    expect(workbookPathFromArgs(['/opt/x.ewb'], '/')).toBeNull();
    expect(workbookPathFromArgs(['/opt/ewb', '--inspect=x.ewb', '.', 'out/main/index.js'], '/')).toBeNull();
  });
});

// @vitest-environment happy-dom
// The host's file chooser names the planner's own open workbook as this workbook, and another
// workbook held by this app as open in another tab or window.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FileBrowser } from '../../../renderer/src/components/FileBrowser.tsx';
import { fakeRendererApi } from '../../helpers/renderer-fake-api.ts';

const SINCE = '2026-03-02T09:15:00.000Z';
const entry = (name: string) => ({ name, path: `plans/${name}`, kind: 'file', size: 40_960, modified: SINCE, lock: { state: 'mine', since: SINCE } });

afterEach(cleanup);

describe('FileBrowser', () => {
  it('says which workbook held by this app is the one open here', async () => {
    const { api } = fakeRendererApi({ listFolder: { folder: 'plans', entries: [entry('Northshire.ewb'), entry('Southshire.ewb')] }, getEnvironment: { workbooksFolder: 'Workbooks' } });
    render(<FileBrowser api={api} options={{ mode: 'save', purpose: 'workbook', title: 'Save a copy', openWorkbookPath: 'plans/Northshire.ewb' }} onDone={() => {}} />);
    await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
    const locks = [...document.querySelectorAll('.file-list__lock')].map((p) => p.textContent);
    expect(locks).toEqual(['This is the workbook you have open (open since 2026-03-02 09:15 UTC).', 'Open for editing in this app (another tab or window) since 2026-03-02 09:15 UTC.']);
    expect(screen.getByRole('dialog', { name: 'Save a copy' })).toBeTruthy();
  });
});

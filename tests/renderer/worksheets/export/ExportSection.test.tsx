// @vitest-environment happy-dom
// The keyboard is never dropped to the top of the page around an export or a share copy: the second
// file dialog returns focus where the first would have, the export button stays focusable while it
// runs, and the result (or the failure) takes focus when it comes.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbookInfo } from '../../../../shared/api/workbook.ts';
import { FileChooserProvider } from '../../../../renderer/src/app/file-chooser.tsx';
import { ExportSection } from '../../../../renderer/src/worksheets/export/ExportSection.tsx';
import { WorkbookDataProvider } from '../../../../renderer/src/worksheets/workbook-data.tsx';
import { EMPTY_WORKBOOK_READS, fakeRendererApi } from '../../../helpers/renderer-fake-api.ts';

const INFO = { handle: 'h1', path: 'strategy.ewb', readOnly: false, counts: {}, meta: { id: '5b1f0c1e-7d1a-4c55-9f3b-0e2a4d6c8b11', title: 'Northshire strategy', marking: 'OFFICIAL' } } as unknown as WorkbookInfo;

const FOLDER = { listFolder: { folder: '', entries: [] }, getEnvironment: { workbooksFolder: 'Workbooks' }, getJobProgress: null };

/** The export answers only when the test says, so what happens while it runs can be seen. */
function exportApi(outcome: 'ok' | 'fails') {
  let finish: () => void = () => {};
  const fake = fakeRendererApi({
    ...EMPTY_WORKBOOK_READS,
    ...FOLDER,
    exportWorkbook: (request: Record<string, unknown>) =>
      new Promise((resolve) => {
        finish = () =>
          resolve(outcome === 'ok'
            ? { ok: true, value: { files: [{ kind: 'word', path: String(request.word) }, { kind: 'excel', path: String(request.excel) }] } }
            : { ok: false, error: { code: 'io', message: 'The folder could not be written to.' } });
      }),
  });
  return { ...fake, finish: () => finish() };
}

async function settle() {
  for (let i = 0; i < 5; i += 1) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

function renderExport(api: ReturnType<typeof fakeRendererApi>['api']) {
  render(
    <FileChooserProvider api={api}>
      <WorkbookDataProvider api={api} handle="h1" readOnly={false} onDetailsChanged={async () => {}}>
        <ExportSection info={INFO} />
      </WorkbookDataProvider>
    </FileChooserProvider>,
  );
}

/** Presses Enter in the open file dialog's name box, as a keyboard user saving there would. */
async function saveInDialog(): Promise<HTMLElement> {
  const name = await screen.findByLabelText('File name');
  name.focus();
  fireEvent.keyDown(name, { key: 'Enter' });
  await settle();
  return name;
}

afterEach(cleanup);

describe('ExportSection focus', () => {
  it('returns focus from both file dialogs to the export button, keeps it there while exporting, then moves it to the result', async () => {
    const fake = exportApi('ok');
    renderExport(fake.api);
    await settle();
    const button = screen.getByRole('button', { name: 'Export…' });
    act(() => button.focus());
    fireEvent.click(button);
    await settle();
    expect(screen.getByRole('dialog').textContent).toContain('Save the Word strategy document');
    await saveInDialog();
    expect(screen.getByRole('dialog').textContent).toContain('Save the Excel workbook');
    expect((screen.getByLabelText('File name') as HTMLInputElement).value).toMatch(/\.xlsx$/);
    await saveInDialog();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls.filter((c) => c.method === 'exportWorkbook')).toHaveLength(1);
    const running = screen.getByRole('button', { name: 'Exporting…' });
    expect(document.activeElement).toBe(running);
    expect(running.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(running);
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();

    fake.finish();
    await settle();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Export finished' }));
  });

  it('moves focus to the failure when an export fails', async () => {
    const fake = exportApi('fails');
    renderExport(fake.api);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    await settle();
    await saveInDialog();
    await saveInDialog();
    fake.finish();
    await settle();
    expect(document.activeElement?.closest('[role="alert"]')?.textContent).toContain('The folder could not be written to.');
  });

  it('moves focus to the saved share copy once it is saved', async () => {
    const fake = fakeRendererApi({
      ...EMPTY_WORKBOOK_READS,
      ...FOLDER,
      previewShareCopy: { leftOut: { personal: [], details: [], records: [] }, notes: [], stays: [] },
      saveShareCopy: (request: Record<string, unknown>) => ({ ok: true, value: { path: String(request.destination), provenance: { forceName: 'Northshire Police', sharedAt: '2026-03-02T10:00:00.000Z', sha256: 'ab'.repeat(32) } } }),
    });
    renderExport(fake.api);
    await settle();
    const start = screen.getByRole('button', { name: 'Save a copy for sharing…' });
    act(() => start.focus());
    fireEvent.click(start);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Choose where to save…' }));
    await settle();
    await saveInDialog();
    expect(fake.calls.some((c) => c.method === 'saveShareCopy')).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Copy for sharing saved' }));
  });
});

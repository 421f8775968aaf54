// The browser host confines every file path a request can carry: each path-typed field of every
// method of the contract and the shell contract, found from the schemas, refuses a path outside its
// workbooks folder; and a path field added later under an unusual name is confined the same way.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/create-host-server.ts';
import { pathsIn } from '../../electron/host/translate-paths.ts';
import { WorkbooksFolder } from '../../electron/host/workbooks-folder.ts';
import { contract } from '../../shared/api/contract.ts';
import { FilePathSchema } from '../../shared/api/fields.ts';
import { filePathFields } from '../../shared/api/file-path-fields.ts';
import { shellContract } from '../../shared/api/shell-contract.ts';
import { hostApi, type ApiReply } from '../helpers/host-client.ts';
import { startTestHost } from '../helpers/test-host.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const TOKEN = 'test-token-paths-0123456789';
let host: Host;
let folder: string;
let outside: string;
let stopHost: () => Promise<void>;

function api(method: string, body: unknown): Promise<ApiReply> {
  return hostApi(host.port, TOKEN, method, body);
}

/** A value with `file` at a field written as filePathFields writes it (`a.b`, `list[]`, `map{}`, `pair[1]`). */
function valueWithPathAt(field: string, file: string): unknown {
  const steps = [...field.matchAll(/\[(\d*)\]|\{\}|([^.[\]{}]+)/g)];
  return steps.reduceRight<unknown>((inner, [step, index, key]) => {
    if (key !== undefined) return { [key]: inner };
    if (step === '{}') return { someKey: inner };
    if (index === '') return [inner];
    return Object.assign(new Array(Number(index) + 1).fill('x'), { [Number(index)]: inner });
  }, file);
}

const allMethods = [...Object.entries(contract), ...Object.entries(shellContract)];

beforeEach(async () => {
  folder = tempDir('ewb-host-paths-');
  outside = tempDir('ewb-host-outside-');
  fs.symlinkSync(outside, path.join(folder, 'escape'));
  ({ host, stop: stopHost } = await startTestHost({ workbooksDir: folder, token: TOKEN }));
});

afterEach(async () => {
  await stopHost();
});

describe('confined paths', () => {
  it('refuses a path outside the workbooks folder in every path-typed field of every method', async () => {
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const [method, { request }] of allMethods) {
      for (const field of filePathFields(request)) {
        checked.push(`${method}.${field}`);
        for (const bad of ['../outside.txt', path.join(outside, 'absolute.txt'), 'escape/through-a-link.txt']) {
          const reply = await api(method, valueWithPathAt(field, bad));
          if (reply.error?.code !== 'forbidden') wrong.push(`${method}.${field} = ${bad} → ${JSON.stringify(reply)}`);
        }
        // The same field inside the folder passes the confinement (whatever the core then makes of the request).
        const inside = await api(method, valueWithPathAt(field, 'inside.txt'));
        if (inside.error?.code === 'forbidden') wrong.push(`${method}.${field} = inside.txt refused: ${inside.error.message}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toEqual(expect.arrayContaining(['createWorkbook.path', 'dumpWorkbook.destination', 'importMappedTable.source', 'exportWorkbook.excel', 'showInFolder.path']));
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('confines a path field added later, whatever it is called and however deep it sits', () => {
    const workbooks = new WorkbooksFolder(folder);
    const schema = z
      .object({
        handle: z.string(),
        minutesOfTheMeeting: FilePathSchema.optional(),
        appendices: z.array(z.object({ wherever: FilePathSchema.nullable() })),
        printTo: FilePathSchema.default('../default-outside.docx'),
      })
      .strict();
    expect(filePathFields(schema).sort()).toEqual(['appendices[].wherever', 'minutesOfTheMeeting', 'printTo']);
    const refusedCode = (request: unknown) => {
      try {
        pathsIn(workbooks, schema, request);
        return 'accepted';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    expect(refusedCode({ handle: 'h', minutesOfTheMeeting: '../minutes.docx', printTo: 'ok.docx' })).toBe('forbidden');
    expect(refusedCode({ handle: 'h', appendices: [{ wherever: null }, { wherever: path.join(outside, 'a.pdf') }], printTo: 'ok.docx' })).toBe('forbidden');
    expect(refusedCode({ handle: 'h' })).toBe('forbidden');
    const mapped = pathsIn(workbooks, schema, { handle: 'h', minutesOfTheMeeting: 'Team/minutes.docx', appendices: [{ wherever: 'a.pdf' }], printTo: 'out.docx' });
    const root = fs.realpathSync(folder);
    expect(mapped).toEqual({ handle: 'h', minutesOfTheMeeting: path.join(root, 'Team', 'minutes.docx'), appendices: [{ wherever: path.join(root, 'a.pdf') }], printTo: path.join(root, 'out.docx') });
  });
});

// A browser host in its own process, for tests that send it hostile requests and then check it is
// still alive and answering: `node host-child.ts FOLDER CONFIG RENDERER` prints `READY <port>`;
// the line `rss` on stdin makes it print `RSS <peak resident MB>`. The token is HOST_CHILD_TOKEN.
// Only ever run as a script: tests start it with startHostChild (host-client.ts).
import fs from 'node:fs';
import { createHostServer } from '../../electron/host/create-host-server.ts';
import { childCore, say, stdinLines } from './child-core.ts';
import { HOST_CHILD_TOKEN } from './host-client.ts';

const [folder, configDir, rendererDir] = process.argv.slice(2);
if (folder && configDir && rendererDir) {
  const core = childCore(configDir);
  const log = { error: (m: string, d?: unknown) => fs.writeSync(2, `error: ${m} ${String(d ?? '')}\n`), warn: (m: string) => fs.writeSync(2, `warning: ${m}\n`), info: () => {} };
  const host = await createHostServer({ core, rendererDir, workbooksDir: folder, token: HOST_CHILD_TOKEN, appVersion: '0.0.0', log });
  say(`READY ${host.port}`);
  const lines = stdinLines();
  for (let line = await lines.next(); !line.done; line = await lines.next()) {
    if (line.value === 'rss') say(`RSS ${Math.round(process.resourceUsage().maxRSS / 1024)}`);
  }
  core.closeAll();
  await host.close();
}

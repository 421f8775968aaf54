// Lint rules, chiefly the process boundaries. Each zone (a folder with one place in the app) says
// what it may import; the `ewb/boundaries` rule resolves every import, re-export, `import()`,
// `import('x').T` type and `require()` to a file of this repository, a Node built-in or a package,
// so a boundary holds however the path is spelled. Tests are outside every zone.
import { builtinModules } from 'node:module';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;

/** Packages the renderer's page may use: each runs in a browser without Node. Add one here only then. */
const RENDERER_PACKAGES = ['react', 'react-dom', '@tanstack/react-virtual', 'zod'];
/** What only the page uses: the core and the doors have no business with it. */
const PAGE_ONLY_PACKAGES = RENDERER_PACKAGES.filter((name) => name !== 'zod');
/** The doors reach the core through this one file; everything else in the core is its own business. */
const CORE_ENTRY = { folder: 'electron/core', entry: 'electron/core/index.ts' };

const SOURCE_FILES = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

function isInside(target, folder) {
  return target === folder || target.startsWith(`${folder}/`);
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(specifier) {
  return specifier.startsWith('node:') || builtinModules.includes(specifier) || builtinModules.includes(specifier.split('/')[0]);
}

/** Why `specifier`, imported from `file`, is refused by the zone's options, or null when it may be. */
function refusal(options, file, specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = path.relative(ROOT, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/');
    for (const { folder, entry } of options.entries ?? []) {
      if (isInside(target, folder) && target !== entry) return { messageId: 'entry', data: { folder, entry } };
    }
    const allowed = options.folders?.only ? options.folders.only.some((folder) => isInside(target, folder)) : true;
    const denied = (options.folders?.never ?? []).some((folder) => isInside(target, folder));
    return allowed && !denied ? null : { messageId: 'zone', data: { what: target } };
  }
  if (isBuiltin(specifier)) return options.builtins ? null : { messageId: 'zone', data: { what: 'a Node built-in module' } };
  const name = packageName(specifier);
  const allowed = options.packages?.only ? options.packages.only.includes(name) : true;
  const denied = (options.packages?.never ?? []).includes(name);
  return allowed && !denied ? null : { messageId: 'zone', data: { what: `the ${name} package` } };
}

/** The module a node names: a string, or null when it is computed and so cannot be checked. */
function literalSpecifier(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node?.type === 'TSLiteralType') return literalSpecifier(node.literal);
  return null;
}

const folderList = { type: 'array', items: { type: 'string' } };
const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Each zone of the app imports only what its place allows.' },
    schema: [
      {
        type: 'object',
        properties: {
          message: { type: 'string' },
          builtins: { type: 'boolean' },
          folders: { type: 'object', properties: { only: folderList, never: folderList }, additionalProperties: false },
          packages: { type: 'object', properties: { only: folderList, never: folderList }, additionalProperties: false },
          entries: { type: 'array', items: { type: 'object', properties: { folder: { type: 'string' }, entry: { type: 'string' } }, additionalProperties: false } },
        },
        required: ['message'],
        additionalProperties: false,
      },
    ],
    messages: {
      zone: '"{{specifier}}" ({{what}}) is refused here: {{message}}',
      entry: '"{{specifier}}" reaches inside {{folder}}/: the doors use the core only through its public entry, {{entry}}. Export what you need from there.',
      computed: 'This module is named by an expression, so its boundary cannot be checked: name it with a string literal.',
    },
  },
  create(context) {
    const [options] = context.options;
    const check = (node, source) => {
      const specifier = literalSpecifier(source);
      if (specifier === null) {
        context.report({ node, messageId: 'computed' });
        return;
      }
      const refused = refusal(options, context.filename, specifier);
      if (refused) context.report({ node, messageId: refused.messageId, data: { specifier, message: options.message, ...refused.data } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.source ?? node.argument),
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression(node) {
        const callee = node.callee;
        const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : null;
        // require('x'), module.require('x') and process.getBuiltinModule('x') load a module as surely as import.
        if (name === 'require' || name === 'getBuiltinModule') check(node, node.arguments[0]);
      },
    };
  },
};

function zone(folder, options) {
  return { files: [`${folder}/${SOURCE_FILES}`], rules: { 'ewb/boundaries': ['error', options] } };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { ewb: { rules: { boundaries } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  zone('shared', {
    message: 'shared/ is pure TypeScript used by main, preload and the renderer alike, so it imports only itself and zod.',
    folders: { only: ['shared'] },
    packages: { only: ['zod'] },
    builtins: false,
  }),
  zone('electron/core', {
    message: 'the core is plain Node shared by the app, the browser host and the CLI, so it never imports electron, React, a door (main, preload, host, cli), the renderer, or its own public entry (a cycle).',
    folders: { never: ['electron/main', 'electron/preload', 'electron/host', 'electron/cli', 'renderer', CORE_ENTRY.entry] },
    packages: { never: ['electron', ...PAGE_ONLY_PACKAGES] },
    builtins: true,
  }),
  zone('renderer/src', {
    message: `the renderer is a sandboxed page without Node, so it imports only renderer/src, shared/ and the browser packages listed in eslint.config.js (${RENDERER_PACKAGES.join(', ')}).`,
    folders: { only: ['renderer/src', 'shared'] },
    packages: { only: RENDERER_PACKAGES },
    builtins: false,
  }),
  zone('electron/preload', {
    message: 'preload exposes the contract and nothing else, so it imports only electron and shared/api.',
    folders: { only: ['electron/preload', 'shared/api'] },
    packages: { only: ['electron'] },
    builtins: false,
  }),
  zone('electron/main', {
    message: 'main is the Electron shell: it loads the page by URL and never imports renderer code or another door.',
    folders: { never: ['renderer', 'electron/preload', 'electron/host', 'electron/cli'] },
    packages: { never: PAGE_ONLY_PACKAGES },
    builtins: true,
    entries: [CORE_ENTRY],
  }),
  zone('electron/host', {
    message: 'the browser host runs on plain Node without Electron, so it never imports electron, main or another door, nor renderer code.',
    folders: { never: ['renderer', 'electron/main', 'electron/preload', 'electron/cli'] },
    packages: { never: ['electron', ...PAGE_ONLY_PACKAGES] },
    builtins: true,
    entries: [CORE_ENTRY],
  }),
  zone('electron/cli', {
    message: 'the CLI runs on plain Node without Electron, so it never imports electron, main or another door, nor renderer code.',
    folders: { never: ['renderer', 'electron/main', 'electron/preload', 'electron/host'] },
    packages: { never: ['electron', ...PAGE_ONLY_PACKAGES] },
    builtins: true,
    entries: [CORE_ENTRY],
  }),
);

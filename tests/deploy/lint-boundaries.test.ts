/**
 * The layout's boundaries stay kept: ESLint (the project's own eslint.config.js) reports each
 * import that crosses one, and no-unsanitized reports HTML made from strings, on small fixtures
 * linted as if they were files at those places in the tree (nothing is written).
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const RESTRICTED = '@typescript-eslint/no-restricted-imports';

/** Where a fixture sits, and imports from there that must be reported (`refused`) or not (`allowed`). */
const BOUNDARIES: { file: string; refused: string[]; allowed: string[] }[] = [
  {
    file: 'lib/boundary-fixture.ts',
    refused: [
      "import { a } from '../components/shared/views';",
      "import { a } from '../components/popup/App';",
      "import { a } from '../entrypoints/background/db';",
      "import { a } from '../server/app';",
      "import { a } from '../console/src/api';",
      "import Dexie from 'dexie';",
      "import { browser } from 'wxt/browser';",
      "import browser from 'webextension-polyfill';",
      "import { Hono } from 'hono';",
      "import { readFileSync } from 'node:fs';",
    ],
    allowed: ["import { z } from 'zod';", "import { NETWORKS } from './networks';"],
  },
  {
    file: 'lib/schemas/boundary-fixture.ts',
    refused: [
      "import { a } from '../../entrypoints/background/db';",
      "import { a } from '../../components/shared/views';",
    ],
    allowed: ["import { NETWORKS } from '../networks';"],
  },
  {
    file: 'entrypoints/x.content/boundary-fixture.ts',
    refused: [
      "import { a } from '../background/db';",
      "import type { RelayDexie } from '../background/db';",
      "import { a } from '../../entrypoints/background/messages';",
      "import Dexie from 'dexie';",
      "import { a } from '../popup/client';",
      "import { a } from '../../components/popup/App';",
      "import { a } from '../../server/app';",
      "import { a } from '../../console/src/api';",
    ],
    allowed: [
      "import { a } from '../../components/composer/feature';",
      "import { sendMessage } from '../../components/shared/messaging';",
      "import { a } from './adapter';",
    ],
  },
  {
    file: 'entrypoints/x-composer-ui.ts',
    refused: ["import { a } from './background/db';", "import { a } from './popup/client';"],
    allowed: ["import { a } from '../components/composer/ui/register';"],
  },
  {
    file: 'components/composer/boundary-fixture.ts',
    refused: [
      "import { a } from '../../entrypoints/background/controller';",
      "import type { ComposerRequest } from '../../entrypoints/background/messages/composer-data';",
      "import Dexie from 'dexie';",
      "import { a } from '../popup/App';",
    ],
    allowed: ["import type { ComposerData } from '../shared/messaging';", "import { a } from './data';"],
  },
  {
    file: 'components/composer/ui/boundary-fixture.tsx',
    refused: ["import { a } from '../../../entrypoints/background/db';", "import { a } from '../../popup/App';"],
    allowed: ["import { a } from '../data';"],
  },
  {
    file: 'components/popup/boundary-fixture.tsx',
    refused: [
      "import Dexie from 'dexie';",
      "import type { SyncStatus } from '../../entrypoints/background/db';",
      "import type { Messages } from '../../entrypoints/background/messages';",
      "import { a } from '../composer/feature';",
      "import { a } from '../../entrypoints/x.content/adapter';",
      "import { a } from '../../server/app';",
      "import { a } from '../../console/src/api';",
    ],
    allowed: ["import type { PopupState } from '../shared/messaging';", "import { App } from './App';"],
  },
  {
    file: 'entrypoints/popup/boundary-fixture.ts',
    refused: [
      "import { a } from '../background/db';",
      "import Dexie from 'dexie';",
      "import { a } from '../x.content/adapter';",
    ],
    allowed: ["import { sendMessage } from '../../components/shared/messaging';"],
  },
  {
    file: 'components/shared/boundary-fixture.ts',
    refused: [
      "import { MESSAGES } from '../../entrypoints/background/messages';",
      "import type { RelayDexie } from '../../entrypoints/background/db';",
      "import Dexie from 'dexie';",
      "import { a } from '../popup/App';",
      "import { a } from '../composer/feature';",
      "import { a } from '../../server/app';",
    ],
    allowed: [
      "import type { Messages } from '../../entrypoints/background/messages';",
      "import type { RequestOf } from '../../entrypoints/background/messages/define';",
    ],
  },
  {
    file: 'entrypoints/background/boundary-fixture.ts',
    refused: [
      "import { a } from '../../components/popup/App';",
      "import { a } from '../popup/client';",
      "import { a } from '../../components/composer/feature';",
      "import { a } from '../x.content/adapter';",
      "import { a } from '../../server/app';",
      "import { a } from '../../console/src/api';",
    ],
    allowed: [
      "import Dexie from 'dexie';",
      "import { a } from './composer';",
      "import { a } from './popup-state';",
      "import type { PopupState } from '../../components/shared/views';",
    ],
  },
  {
    file: 'console/src/screens/boundary-fixture.tsx',
    refused: [
      "import { a } from '../../../server/app';",
      "import { a } from '../../../entrypoints/background/db';",
      "import { a } from '../../../components/popup/App';",
      "import { a } from '../../../components/composer/feature';",
      "import Dexie from 'dexie';",
      "import { browser } from 'wxt/browser';",
    ],
    allowed: [
      "import { NetworkIcon } from '../../../components/shared/NetworkIcon';",
      "import { a } from '../components/Logo';",
      "import { a } from '../../../lib/networks';",
    ],
  },
  {
    file: 'server/routes/boundary-fixture.ts',
    refused: [
      "import { a } from '../../entrypoints/background/db';",
      "import { a } from '../../components/shared/NetworkIcon';",
      "import { a } from '../../console/src/api';",
      "import Dexie from 'dexie';",
      "import { browser } from 'wxt/browser';",
    ],
    allowed: [
      "import { a } from './console';",
      "import { a } from '../../lib/networks';",
      "import { Hono } from 'hono';",
    ],
  },
];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function ruleIds(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = [a, Dexie, browser];\n`, {
    filePath: `${ROOT}${file}`,
  });
  return result!.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

describe('import boundaries', () => {
  for (const { file, refused, allowed } of BOUNDARIES) {
    it(`${file}: reports every import across a boundary, and only those`, async () => {
      for (const source of refused) expect(await ruleIds(file, source), source).toContain(RESTRICTED);
      for (const source of allowed) expect(await ruleIds(file, source), source).not.toContain(RESTRICTED);
    });
  }
});

describe('no HTML from strings (no-unsanitized)', () => {
  const sinks = [
    'element.innerHTML = text;',
    'element.outerHTML = text;',
    "element.insertAdjacentHTML('beforeend', text);",
    'document.write(text);',
  ];
  for (const file of [
    'components/popup/boundary-fixture.tsx',
    'components/composer/ui/boundary-fixture.tsx',
    'console/src/boundary-fixture.tsx',
    'server/boundary-fixture.ts',
    'lib/boundary-fixture.ts',
  ]) {
    it(`${file}: reports each sink`, async () => {
      for (const sink of sinks) {
        const source = `declare const element: HTMLElement; declare const text: string; const a = 0, Dexie = 0, browser = 0;\n${sink}`;
        expect(
          (await ruleIds(file, source)).filter((id) => id.startsWith('no-unsanitized/')),
          sink,
        ).toHaveLength(1);
      }
      expect(
        await ruleIds(
          file,
          'declare const element: HTMLElement; const a = 0, Dexie = 0, browser = 0;\nelement.textContent = "x";',
        ),
      ).toEqual([]);
    });
  }
});

/**
 * Command-line options of `npm run bench -- …`:
 *   --only=1,3                 run only these items (1–10)
 *   --markdown                 also print the table as Markdown (for the README)
 *   --cpu-prof=DIR             children write V8 CPU profiles into DIR when they exit
 *   --app-node-options="…"     node flags for the bot's process only, given on its command line; default:
 *                              the node flags of `npm start` in package.json, so the bot is measured as it is started
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ALL_ITEMS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export interface RunOptions {
  items: ReadonlySet<number>;
  markdown: boolean;
  cpuProfDir?: string;
  appNodeOptions?: string;
}

/** Read the options; unknown arguments are an error, so a typo never runs a different bench than intended. */
export function readRunOptions(args: readonly string[]): RunOptions {
  const options: { items: Set<number>; markdown: boolean; cpuProfDir?: string; appNodeOptions?: string } = {
    items: new Set(ALL_ITEMS),
    markdown: false,
    appNodeOptions: startScriptNodeFlags(),
  };
  for (const arg of args) {
    const [name, ...rest] = arg.split('=');
    const value = rest.join('=');
    if (name === '--markdown' && rest.length === 0) options.markdown = true;
    else if (name === '--only' && value !== '') options.items = itemList(value);
    else if (name === '--cpu-prof' && value !== '') options.cpuProfDir = value;
    else if (name === '--app-node-options' && value !== '') options.appNodeOptions = value;
    else throw new Error(`unknown option ${JSON.stringify(arg)}; expected --only=1,3 --markdown --cpu-prof=DIR --app-node-options="…"`);
  }
  return options;
}

function itemList(value: string): Set<number> {
  const items = value.split(',').map((part) => Number(part.trim()));
  const wrong = items.filter((item) => !ALL_ITEMS.includes(item));
  if (wrong.length > 0) throw new Error(`--only takes item numbers 1–10, not ${wrong.join(', ')}`);
  return new Set(items);
}

/** The flags between `node` and the script in package.json's start script ("--max-old-space-size=384"), if any. */
export function startScriptNodeFlags(packageJsonPath = nearestPackageJson(__dirname)): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { scripts?: { start?: unknown } };
    const start = typeof pkg.scripts?.start === 'string' ? pkg.scripts.start : '';
    const flags = /^node\s+((?:--\S+\s+)+)\S+\.js$/.exec(start.trim())?.[1]?.trim();
    return flags && flags.length > 0 ? flags : undefined;
  } catch {
    return undefined;
  }
}

/** The repository's package.json, found upwards: the bench runs from bench/ (tests) and from dist-bench/bench/ (built). */
function nearestPackageJson(from: string): string {
  const candidate = join(from, 'package.json');
  const parent = dirname(from);
  return existsSync(candidate) || parent === from ? candidate : nearestPackageJson(parent);
}

/** Plain checks over a list of imports (file → file, paths from the repository root), for test/architecture.test.ts. */

export interface Import {
  from: string;
  to: string;
}

/** A layer (a folder of src/) and the folders it may import besides its own and the base files. */
export interface LayerRule {
  layer: string;
  may: readonly string[];
  /** Folders inside an allowed one that stay out of reach (e.g. listeners). */
  except?: readonly string[];
}

const inside = (path: string, folder: string): boolean => path.startsWith(`${folder}/`);

/** The most specific rule whose folder holds `path`. */
function ruleFor(path: string, rules: readonly LayerRule[]): LayerRule | undefined {
  return rules.filter(({ layer }) => inside(path, layer)).sort((a, b) => b.layer.length - a.layer.length)[0];
}

/** The imports of `rule`'s own files (not of a deeper layer's) that reach outside what it may import, as "from → to". */
export function layerViolations(imports: readonly Import[], rule: LayerRule, rules: readonly LayerRule[], baseFiles: readonly string[]): string[] {
  return imports
    .filter(({ from }) => ruleFor(from, rules)?.layer === rule.layer)
    .filter(({ to }) => !allowed(rule, to, rules, baseFiles))
    .map(({ from, to }) => `${from} → ${to}`);
}

function allowed(rule: LayerRule, to: string, rules: readonly LayerRule[], baseFiles: readonly string[]): boolean {
  if (baseFiles.includes(to)) return true;
  if ((rule.except ?? []).some((folder) => inside(to, folder))) return false;
  // Its own folder, but not a deeper layer that has a rule of its own (watch/ may not reach into watch/slack/).
  const own = inside(to, rule.layer) && ruleFor(to, rules)?.layer === rule.layer;
  return own || rule.may.some((folder) => inside(to, folder));
}

/** Every import circle, each as its files sorted, found by Tarjan's strongly connected components. */
export function findImportCircles(imports: readonly Import[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of imports) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let top: string | undefined;
    do {
      top = stack.pop();
      if (top === undefined) break;
      onStack.delete(top);
      component.push(top);
    } while (top !== node);
    if (component.length > 1) circles.push(component.sort());
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return circles;
}

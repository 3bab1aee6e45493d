import { type Json, type Problems, badLength, choices, isObject, maxItems, maxLength, required } from "./form-rules";

// developers/components/reference.mdx: legacy messages hold up to 5 action rows of up to 5 buttons or one
// select; Components V2 messages up to 40 components in all.
export const COMPONENT_LIMITS = { rows: 5, perRow: 5, v2Total: 40, customId: 100, label: 80, url: 512, selectOptions: 25 } as const;

const ACTION_ROW = 1;
const BUTTON = 2;
const SELECTS = new Set([3, 5, 6, 7, 8]);
const BUTTON_STYLES = [1, 2, 3, 4, 5, 6] as const;
const LINK = 5;
const PREMIUM = 6;

type Seen = { customIds: Set<string> };

function checkCustomId(problems: Problems, path: PropertyKey[], value: unknown, seen: Seen): void {
  badLength(problems, path, value, 1, COMPONENT_LIMITS.customId);
  if (typeof value !== "string") return;
  if (seen.customIds.has(value)) problems.push({ path, code: "COMPONENT_CUSTOM_ID_DUPLICATED", message: "Component custom id cannot be duplicated" });
  seen.customIds.add(value);
}

function checkButton(problems: Problems, at: PropertyKey[], button: Json, seen: Seen): void {
  const style = button.style;
  if (typeof style !== "number" || !BUTTON_STYLES.includes(style as 1)) return choices(problems, [...at, "style"], BUTTON_STYLES);
  maxLength(problems, [...at, "label"], button.label, COMPONENT_LIMITS.label);
  maxLength(problems, [...at, "url"], button.url, COMPONENT_LIMITS.url);
  const hasCustomId = button.custom_id !== undefined && button.custom_id !== null;
  const hasUrl = button.url !== undefined && button.url !== null;
  if (hasCustomId && hasUrl) {
    // "Link buttons must have a url, and cannot have a custom_id"; other buttons the other way round.
    const exclusive = { code: "BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE", message: "A custom id and url cannot both be specified" };
    problems.push({ path: [...at, "custom_id"], ...exclusive }, { path: [...at, "url"], ...exclusive });
    return;
  }
  if (style === LINK) {
    if (!hasUrl) required(problems, [...at, "url"]);
    return;
  }
  if (style === PREMIUM) {
    if (typeof button.sku_id !== "string") required(problems, [...at, "sku_id"]);
    return;
  }
  if (!hasCustomId) problems.push({ path: [...at, "custom_id"], code: "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED", message: "A custom id is required" });
  else checkCustomId(problems, [...at, "custom_id"], button.custom_id, seen);
}

function checkRow(problems: Problems, at: PropertyKey[], row: Json, seen: Seen): void {
  const children = row.components;
  if (!Array.isArray(children) || children.length === 0) {
    problems.push({ path: [...at, "components"], code: "BASE_TYPE_MIN_LENGTH", message: "Must be 1 or more in length." });
    return;
  }
  // A select fills the whole row; buttons take one of its five places each.
  const width = children.some((c) => isObject(c) && SELECTS.has(Number(c.type))) ? 1 : COMPONENT_LIMITS.perRow;
  children.forEach((child: unknown, i) => {
    const path = [...at, "components", i];
    if (i >= width) {
      problems.push({ path, code: "COMPONENT_LAYOUT_WIDTH_EXCEEDED", message: "The specified component exceeds the maximum width" });
      return;
    }
    const component = isObject(child) ? child : {};
    if (component.type === BUTTON) checkButton(problems, path, component, seen);
    else if (SELECTS.has(Number(component.type))) {
      checkCustomId(problems, [...path, "custom_id"], component.custom_id, seen);
      maxItems(problems, [...path, "options"], component.options, COMPONENT_LIMITS.selectOptions);
    } else choices(problems, [...path, "type"], [BUTTON, ...SELECTS]);
  });
}

function countComponents(node: unknown): number {
  if (Array.isArray(node)) return node.reduce<number>((sum, child) => sum + countComponents(child), 0);
  if (!isObject(node)) return 0;
  return 1 + countComponents(node.components) + countComponents(node.accessory);
}

/** Legacy layout rules (rows, widths, button fields, unique custom ids), or the 40-component cap of V2. */
export function checkComponents(problems: Problems, at: PropertyKey[], components: unknown, componentsV2: boolean): void {
  if (components === undefined || components === null) return;
  if (componentsV2) {
    if (countComponents(components) > COMPONENT_LIMITS.v2Total) {
      problems.push({ path: at, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${COMPONENT_LIMITS.v2Total} or fewer in length.` });
    }
    return;
  }
  maxItems(problems, at, components, COMPONENT_LIMITS.rows);
  if (!Array.isArray(components)) return;
  const seen: Seen = { customIds: new Set() };
  components.forEach((row: unknown, i) => {
    if (isObject(row) && row.type === ACTION_ROW) checkRow(problems, [...at, i], row, seen);
    else choices(problems, [...at, i, "type"], [ACTION_ROW]);
  });
}

/**
 * Components as Discord returns them: each gets a numeric `id`, numbered in order (a row before its children)
 * and skipping ids the sender chose ("generated sequentially if left empty"; 0 counts as empty).
 */
export function withComponentIds(components: unknown[]): unknown[] {
  const copy = structuredClone(components);
  const taken = new Set<number>();
  const visit = (node: unknown, each: (component: Json) => void): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, each));
    if (!isObject(node)) return;
    each(node);
    visit(node.components, each);
    visit(node.accessory, each);
  };
  visit(copy, (component) => {
    if (typeof component.id === "number" && component.id > 0) taken.add(component.id);
  });
  let next = 1;
  visit(copy, (component) => {
    if (typeof component.id === "number" && component.id > 0) return;
    while (taken.has(next)) next += 1;
    component.id = next;
    taken.add(next);
  });
  return copy;
}

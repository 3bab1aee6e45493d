import type { Route } from "./route-types";

export type RouteMatch = { route: Route; pathParams: Record<string, string> };

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchPath(template: string, path: string): Record<string, string> | undefined {
  const want = template.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = decodeSegment(got[i]!);
    const placeholder = /^\{(\w+)\}$/.exec(part);
    if (placeholder) params[placeholder[1]!] = actual;
    else if (part !== actual) return undefined;
  }
  return params;
}

/** Finds the handler for a method and a path relative to /api2/json (HEAD is served as GET). */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const wanted = method === "HEAD" ? "GET" : method;
  for (const route of routes) {
    if (route.method !== wanted) continue;
    const pathParams = matchPath(route.path, path);
    if (pathParams) return { route, pathParams };
  }
  return undefined;
}

/** Fills a permission path template like /vms/{vmid} from the URL's parameters. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
}

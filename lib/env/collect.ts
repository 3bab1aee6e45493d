import type { z } from "zod";
import type { Source } from "./fields";

/** Parses every schema against the environment and gathers every problem, so one start reports them all. */
export function collect(source: Source, ...schemas: z.ZodType[]): { values: unknown[]; problems: string[] } {
  const problems: string[] = [];
  const values = schemas.map((schema) => {
    const result = schema.safeParse(source);
    if (result.success) return result.data;
    for (const issue of result.error.issues) problems.push(issue.message);
    return undefined;
  });
  return { values, problems };
}

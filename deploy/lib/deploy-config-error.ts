/** A deploy input (site settings or catalogue) that cannot produce configs; each problem names file, field and fix. */
export class DeployConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`The deploy configuration has problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "DeployConfigError";
    this.problems = problems;
  }
}

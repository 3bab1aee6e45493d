/** An API error as pve-http-server sends it: the first line of `message` becomes the HTTP reason phrase. */
export class PveError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** 400 Parameter verification failed., with one text per parameter (pve-common raise_param_exc). */
export function paramError(errors: Record<string, string>): PveError {
  return new PveError(400, "Parameter verification failed.", errors);
}

/** The load_config failure every LXC call reports for a CT that is not on the named node. */
export function configMissingMessage(node: string, vmid: number | string): string {
  return `Configuration file 'nodes/${node}/lxc/${vmid}.conf' does not exist`;
}

import { paramError, PveError } from "../../errors";
import type { SimTask } from "../../world/tasks";
import { decodeUpid } from "../../world/upid";
import { hasPrivilege } from "../acl";
import { NODE_PARAM, reply, type HandlerInput, type Identity, type ParamSpec, type Route } from "../route-types";

const INT0: ParamSpec = { type: "integer", optional: true, minimum: 0 };
const TASK_TARGET = { node: NODE_PARAM, upid: { type: "string" } as ParamSpec };

/** Tasks.pm $check_task_user: a token sees its own tasks; a user sees its own and its tokens' tasks. */
function ownsTask(task: SimTask, identity: Identity): boolean {
  return task.user === identity.tokenId;
}

/** Tasks.pm $convert_token_task: `user@realm!name` is reported as user + tokenid. */
function describeTask(task: SimTask): Record<string, unknown> {
  const [user, tokenid] = task.user.split("!");
  return {
    upid: task.upid,
    node: task.node,
    pid: task.pid,
    pstart: task.pstart,
    starttime: task.starttime,
    type: task.type,
    id: task.id,
    user,
    ...(tokenid !== undefined ? { tokenid } : {}),
  };
}

function findTaskOrThrow(input: HandlerInput): SimTask {
  const upid = String(input.params.upid);
  if (!decodeUpid(upid)) throw paramError({ upid: "unable to parse worker upid" });
  const task = input.world.tasks.find(String(input.params.node), upid);
  if (!task) throw paramError({ upid: "no such task" });
  const node = String(input.params.node);
  if (!ownsTask(task, input.identity) && !hasPrivilege(input.identity, `/nodes/${node}`, "Sys.Audit")) {
    throw new PveError(403, `Permission check failed (/nodes/${node}, Sys.Audit)`);
  }
  return task;
}

function readLog(input: HandlerInput) {
  const task = findTaskOrThrow(input);
  if (input.params.download === 1) {
    if (input.params.start !== undefined || input.params.limit !== undefined) {
      throw paramError({ download: "'download' cannot be used together with 'start' or 'limit'" });
    }
    return { download: task.lines.map((line) => `${line}\n`).join("") };
  }
  const start = Number(input.params.start ?? 0);
  const limit = Number(input.params.limit ?? 50);
  const numbered = task.lines.map((t, i) => ({ n: i + 1, t }));
  // dump_logfile: an empty log still yields one line, because ExtJS stores dislike empty arrays.
  if (numbered.length === 0) return { data: [{ n: 1, t: "no content" }], attributes: { total: 1 } };
  const page = numbered.slice(start, limit === 0 ? undefined : start + limit);
  return { data: page, attributes: { total: numbered.length } };
}

function matchesStatus(task: SimTask, filter: string | undefined, errorsOnly: boolean): boolean {
  const state = task.running ? "running" : task.exitstatus === "OK" ? "ok" : /^WARNINGS: /.test(task.exitstatus ?? "") ? "warning" : "error";
  if (errorsOnly && state !== "error") return false;
  if (filter === undefined) return true;
  return filter.toLowerCase().split(/[,;\s]+/).includes(state);
}

function listTasks(input: HandlerInput): unknown[] {
  const p = input.params;
  const node = String(p.node);
  const source = String(p.source ?? "archive");
  const auditor = hasPrivilege(input.identity, `/nodes/${node}`, "Sys.Audit");
  const tasks = input.world.tasks
    .list(node)
    .filter((task) => auditor || ownsTask(task, input.identity))
    .filter((task) => source === "all" || (source === "active" ? task.running : !task.running))
    .filter((task) => matchesStatus(task, p.statusfilter as string | undefined, p.errors === 1))
    .filter((task) => p.typefilter === undefined || task.type === p.typefilter)
    .filter((task) => p.userfilter === undefined || task.user.toLowerCase().includes(String(p.userfilter).toLowerCase()))
    .filter((task) => p.vmid === undefined || task.id === String(p.vmid))
    .filter((task) => p.since === undefined || task.starttime >= Number(p.since))
    .filter((task) => p.until === undefined || task.starttime <= Number(p.until))
    .sort((a, b) => b.starttime - a.starttime || b.pid - a.pid);
  const start = Number(p.start ?? 0);
  return tasks.slice(start, start + Number(p.limit ?? 50)).map((task) => ({
    ...describeTask(task),
    ...(task.running ? {} : { status: task.exitstatus, endtime: task.endtime }),
  }));
}

export const taskRoutes: Route[] = [
  {
    method: "GET",
    path: "/nodes/{node}/tasks",
    proxyToNode: true,
    params: {
      node: NODE_PARAM,
      errors: { type: "boolean", optional: true },
      limit: INT0,
      start: INT0,
      since: { type: "integer", optional: true },
      until: { type: "integer", optional: true },
      source: { type: "string", optional: true, enum: ["archive", "active", "all"] },
      statusfilter: { type: "string", optional: true },
      typefilter: { type: "string", optional: true },
      userfilter: { type: "string", optional: true },
      vmid: { type: "integer", optional: true, minimum: 100, maximum: 999_999_999 },
    },
    handle: (input) => reply(listTasks(input)),
  },
  {
    method: "GET",
    path: "/nodes/{node}/tasks/{upid}/status",
    proxyToNode: true,
    params: TASK_TARGET,
    handle: (input) => {
      const task = findTaskOrThrow(input);
      return reply({ ...describeTask(task), status: task.running ? "running" : "stopped", ...(task.running ? {} : { exitstatus: task.exitstatus }) });
    },
  },
  {
    method: "GET",
    path: "/nodes/{node}/tasks/{upid}/log",
    proxyToNode: true,
    params: { ...TASK_TARGET, start: INT0, limit: INT0, download: { type: "boolean", optional: true } },
    handle: readLog,
  },
];

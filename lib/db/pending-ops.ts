import type { ActorRef, Source } from "../authz";
import type { Db } from "./open-database";

export type PendingAction = "start" | "shutdown" | "stop" | "reboot";

/** A container operation in flight, kept so a restarted portal resumes watching its task instead of starting again. */
export type PendingOp = {
  vmid: number;
  node: string;
  action: PendingAction;
  upid: string | null;
  gameIds: string[];
  actor: ActorRef;
  source: Source;
  startedAt: number;
};

type Row = { vmid: number; node: string; action: PendingAction; upid: string | null; game_ids: string; actor: string; source: Source; started_at: number };

export class PendingOpsStore {
  constructor(private readonly db: Db) {}

  save(op: PendingOp): void {
    this.db
      .prepare(
        `INSERT INTO pending_ops (vmid, node, action, upid, game_ids, actor, source, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (vmid) DO UPDATE SET node = excluded.node, action = excluded.action, upid = excluded.upid,
           game_ids = excluded.game_ids, actor = excluded.actor, source = excluded.source, started_at = excluded.started_at`,
      )
      .run(op.vmid, op.node, op.action, op.upid, JSON.stringify(op.gameIds), JSON.stringify(op.actor), op.source, op.startedAt);
  }

  setUpid(vmid: number, upid: string): void {
    this.db.prepare("UPDATE pending_ops SET upid = ? WHERE vmid = ?").run(upid, vmid);
  }

  remove(vmid: number): void {
    this.db.prepare("DELETE FROM pending_ops WHERE vmid = ?").run(vmid);
  }

  list(): PendingOp[] {
    const rows = this.db.prepare("SELECT * FROM pending_ops ORDER BY started_at").all() as Row[];
    return rows.map((r) => ({
      vmid: r.vmid,
      node: r.node,
      action: r.action,
      upid: r.upid,
      gameIds: JSON.parse(r.game_ids) as string[],
      actor: JSON.parse(r.actor) as ActorRef,
      source: r.source,
      startedAt: r.started_at,
    }));
  }
}

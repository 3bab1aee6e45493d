export { createProxmoxClient, type ProxmoxClient } from "./client";
export { ProxmoxError, isProxmoxError, type ProxmoxErrorKind } from "./errors";
export { parseUpid, isTaskSuccess, type Upid } from "./upid";
export { waitForTask, sleep, pollDelay, type TaskOutcome } from "./wait-for-task";
export type { ClusterContainer, ContainerStatus, ContainerMetrics, MetricPoint, PowerAction, TaskStatus } from "./types";

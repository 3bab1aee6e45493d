export { createProxmoxClient, type ProxmoxClient } from "./client";
export { ProxmoxError, isProxmoxError, type ProxmoxErrorKind } from "./errors";
export { parseUpid, isTaskSuccess, type Upid } from "./upid";
export { waitForTask, sleep, pollDelay, type TaskOutcome } from "./wait-for-task";
export type { ClusterContainer, ContainerStatus, ContainerMetrics, MetricPoint, MetricTimeframe, NodeLoad, NodeResource, NodeStatus, PowerAction, TaskStatus } from "./types";
export { shapeRrdSeries, type MetricSeries } from "./shape-rrd-series";

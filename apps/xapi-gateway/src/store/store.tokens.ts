/** Injection token of the gateway's view of warehouse-writer's progress (writer-progress.ts). */
export const WRITER_PROGRESS = Symbol('xapi-gateway.writer-progress');

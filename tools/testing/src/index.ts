export { freePort, tempDir, testEnvironment, uniqueName, waitFor } from './test-helpers';
export { endOffsets, type Offsets, readBetween, type ReadMessage } from './kafka-window';

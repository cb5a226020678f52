export { freePort, tempDir, testEnvironment, uniqueName, waitFor } from './test-helpers';

export function globalSetup(): void {}

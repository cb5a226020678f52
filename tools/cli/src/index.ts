export { main } from './main';
export { HOSTED_APPS, selectApps, startApps, stopApps } from './app-registry';

export { API_PREFIX, type AppOptions, buildApp, REDACT_PATHS, VERSION } from './app.ts';
export { createContext } from './context.ts';
export { loadConfig, type ServerConfig } from './config.ts';
export { startServer, type RunningServer } from './server.ts';
export { allows, type Access } from './plugins/access.ts';

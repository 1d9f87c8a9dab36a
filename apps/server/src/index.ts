export { API_PREFIX, type AppOptions, buildApp, REDACT_PATHS, VERSION } from './app.ts';
export { loadConfig, type ServerConfig } from './config.ts';
export { createContext } from './context.ts';
export { type Access, allows } from './plugins/access.ts';
export { type RunningServer, type StartOptions, startServer } from './server.ts';

import 'reflect-metadata';
import { loadConfig } from './config.js';
import { createLogger } from './core/logger.js';
import { DEMO_PASSWORD, demoAccounts } from './seed/demo-organization.js';
import { startServer } from './server.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const log = createLogger(config.logLevel);

try {
  const server = await startServer(config, { log });
  log.info({ console: `${server.url}/`, graphql: `${server.url}/graphql` }, 'appraisal platform is up');
  // Printed plainly as well, for the person who just typed the start command.
  console.log(`\n  Console:  ${server.url}/\n  GraphQL:  ${server.url}/graphql\n  Health:   ${server.url}/health/ready`);
  if (config.seedDemo && !config.production) {
    console.log(`\n  Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const account of demoAccounts) console.log(`    ${account.email.padEnd(24)} ${account.roles.join(', ')}`);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // Each step is bounded already; this is the last word, should anything else hold the event loop.
    setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownStepTimeoutMs * 5).unref();
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  log.fatal({ err: error }, 'failed to start');
  process.exit(1);
}

import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { openOrm } from '../db/orm.js';
import { connectForCli } from './database.js';

/**
 * `migrate up`: apply pending migrations. `migrate create [--initial]`: write a new migration from the
 * difference between the entities and the database (review it, then add it to migrations/src/index.ts).
 * `migrate check`: exit 1 when the entities need a migration that does not exist yet.
 */
const [command = 'up', flag] = process.argv.slice(2);
const config = loadConfig();
const db = await connectForCli(config);
// Migrations are the owner's work; the application role may not change the schema.
const orm = await openOrm({ url: db.ownerUrl });
let exitCode = 0;
try {
  const migrator = orm.getMigrator();
  if (command === 'up') {
    const applied = await migrator.up();
    console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
  } else if (command === 'create') {
    await migrator.up();
    const result = await migrator.createMigration(undefined, false, flag === '--initial');
    console.log(result.fileName ? `created ${result.fileName}; review it and add it to migrations/src/index.ts` : 'no changes: nothing to migrate');
  } else if (command === 'check') {
    await migrator.up();
    const needed = await migrator.checkMigrationNeeded();
    console.log(needed ? 'entities and migrations disagree: run pnpm migration:create' : 'entities and migrations agree');
    exitCode = needed ? 1 : 0;
  } else {
    console.error(`unknown command "${command}"; use up, create or check`);
    exitCode = 2;
  }
} finally {
  await orm.close(true);
  await db.stop();
}
process.exit(exitCode);

import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { openOrm } from '../db/orm.js';
import { seedDemoData } from '../seed/seed-demo.js';
import { connectForCli } from './database.js';

/** Applies migrations and writes the demo group, unless the database already has accounts. Never in production. */
const config = loadConfig();
if (config.production) {
  console.error('Refusing to write demo data with NODE_ENV=production: the demo accounts have published passwords. Use `pnpm create-admin`.');
  process.exit(1);
}
const db = await connectForCli(config);
const orm = await openOrm({ url: db.url });
try {
  const result = await seedDemoData(orm.em);
  console.log(result.seeded ? `seeded ${result.employees} employees and the demo accounts` : 'the database already has accounts; nothing seeded');
} finally {
  await orm.close(true);
  await db.stop();
}

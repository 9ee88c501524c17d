import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { openOrm } from '../db/orm.js';
import { seedDemoData } from '../seed/seed-demo.js';
import { connectForCli } from './database.js';

/** Applies migrations and writes the demo group, unless the database already has accounts. */
const config = loadConfig();
const db = await connectForCli(config);
const orm = await openOrm({ url: db.url });
try {
  await orm.getMigrator().up();
  const result = await seedDemoData(orm.em);
  console.log(result.seeded ? `seeded ${result.employees} employees and the demo accounts` : 'the database already has accounts; nothing seeded');
} finally {
  await orm.close(true);
  await db.stop();
}

// PostGraphile 5 as a team would start it: the Amber preset over the public schema of the
// benchmark database, no plugins. DATABASE_URL and PORT come from scripts/bench.sh.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

/** @type {GraphileConfig.Preset} */
export default {
  extends: [PostGraphileAmberPreset],
  // Ordering by a column without an index (sak.position, attendance.position) is off by
  // default; the page needs the same order as motebok's.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public"],
    }),
  ],
  grafserv: {
    host: "127.0.0.1",
    port: Number(process.env.PORT ?? 8092),
    graphiql: false,
  },
  grafast: { explain: false },
};

// Replicates N appointment-outcome records with the CouchDB replication protocol:
// PouchDB (LevelDB on disk) to and from a pouchdb-server (LevelDB on disk) on loopback.
// Prints one JSON line: {"records":N,"upload_ms":…,"download_ms":…}.
//
//   node replicate.mjs --records N --server http://127.0.0.1:PORT --dir DIR
import PouchDB from 'pouchdb';
import { performance } from 'node:perf_hooks';
import path from 'node:path';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const records = Number(arg('records', '10000'));
const server = arg('server');
const dir = arg('dir');
if (!server || !dir || !(records > 0)) {
  console.error('usage: node replicate.mjs --records N --server URL --dir DIR');
  process.exit(2);
}

// The same shape as a Sitebook appointment with a recorded outcome.
function record(i) {
  const hex = i.toString(16).padStart(12, '0');
  return {
    _id: `0190f5e2-7c1a-7abc-8def-${hex}`,
    person_id: `0190f5e2-7c1a-7abc-9def-${hex}`,
    order_id: `0190f5e2-7c1a-7abc-adef-${hex}`,
    session_id: `0190f5e2-7c1a-7abc-bdef-${hex}`,
    scheduled_start: '09:00',
    scheduled_end: '16:00',
    outcome: {
      code: 'ATTC', arrival: '09:00', finish: '16:00', penalty_minutes: 0,
      work_quality: 'GOOD', behaviour: 'SATISFACTORY',
      recorded_by: `0190f5e2-7c1a-7abc-cdef-${hex}`, recorded_at: 1767225600000 + i,
    },
  };
}

const dbName = `bench_${Date.now()}`;
const local = new PouchDB(path.join(dir, 'device'));
const BATCH = 1000;
for (let i = 0; i < records; i += BATCH) {
  const docs = [];
  for (let j = i; j < Math.min(records, i + BATCH); ++j) docs.push(record(j));
  await local.bulkDocs(docs);
}

const remote = new PouchDB(`${server}/${dbName}`);
let start = performance.now();
const up = await PouchDB.replicate(local, remote, { batch_size: 500 });
const uploadMs = performance.now() - start;
if (up.docs_written !== records) {
  console.error(`upload wrote ${up.docs_written} of ${records}`);
  process.exit(1);
}

const fresh = new PouchDB(path.join(dir, 'new-device'));
start = performance.now();
const down = await PouchDB.replicate(remote, fresh, { batch_size: 500 });
const downloadMs = performance.now() - start;
if (down.docs_written !== records) {
  console.error(`download wrote ${down.docs_written} of ${records}`);
  process.exit(1);
}
console.log(JSON.stringify({ records, upload_ms: uploadMs, download_ms: downloadMs }));
await local.close();
await fresh.close();

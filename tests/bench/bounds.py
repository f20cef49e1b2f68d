#!/usr/bin/env python3
# Appends to docs/BENCHMARKS.md what bounds the sync targets on this machine, computed from
# the same run's own figures. Usage: bounds.py RESULTS_DIR (run by tests/bench/run.sh).
import json, sys, pathlib
results = pathlib.Path(sys.argv[1])
storage = json.loads((results / "storage.json").read_text())
sync = json.loads((results / "sync.json").read_text())
enc = storage["sqlcipher"]["insert_rows_per_s"]
plain_floor = sync["floor"]["records_per_s"]
down = sync["download"]
lines = ["## What bounds the sync targets here", "",
         "Computed from the figures above, in this run, to show how far each sync target is "
         "from what this machine can do at all:", ""]
need = 2 * down["records"] / enc
lines.append(
    f"- **Initial download of {down['records']:,} records** (target 2.5 s, measured "
    f"{down['ms'] / 1000:.1f} s): a new device writes each record twice into its encrypted "
    f"store (its table row and the server copy it keeps for checksums and repair). At the "
    f"encrypted bulk-insert rate measured above ({enc:,} rows/s into the device's appointments "
    f"table, 1000 to a transaction) those writes alone take {need:.1f} s of the 2.5 s.")
for u in sync["upload"]:
    if u["records"] != 100000:
        continue
    server_rows = 4 * u["records"] / plain_floor
    device_rows = u["records"] / enc
    lines.append(
        f"- **Upload of {u['records']:,} records** (target 2 s, measured "
        f"{u['reconciled_ms'] / 1000:.1f} s to reconciled, {u['ms'] / 1000:.1f} s to "
        f"acknowledged): the server writes at least four rows per operation (the record, its "
        f"change-log entry, the operation log that makes uploads idempotent, the audit entry); "
        f"at the plain-SQLite floor measured above ({plain_floor:,.0f} rows/s) that is "
        f"{server_rows:.1f} s before TLS, validation or reconciliation, and the device marks "
        f"every acknowledgement in its encrypted store ({device_rows:.1f} s at the encrypted "
        f"rate): {server_rows + device_rows:.1f} s of the 2 s in writes alone, since the two "
        f"take turns for each batch.")
lines.append("")
with open("docs/BENCHMARKS.md", "a") as out:
    out.write("\n".join(lines) + "\n")

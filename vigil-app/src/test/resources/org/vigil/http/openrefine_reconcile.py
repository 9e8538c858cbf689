# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives a running OpenRefine over its own HTTP API: creates a project from a CSV file, reconciles
its "name" column against a reconciliation service with automatic matching, waits for the
operation, and prints every row's cells with OpenRefine's judgement as JSON lines.

Run by OpenRefineReconciliationIT on Debian's python3 (python3-requests):
  python3 openrefine_reconcile.py OPENREFINE_URL SERVICE_URL CSV_FILE [TYPE]
Without TYPE the queries name no type, and candidates of every schema are offered.
"""
import json
import sys
import time

import requests

refine, service, csv_file = sys.argv[1:4]
entity_type = sys.argv[4] if len(sys.argv) > 4 else ""
session = requests.Session()


def csrf():
    return session.get(refine + "/command/core/get-csrf-token").json()["token"]


options = {
    "separator": ",",
    "ignoreLines": -1,
    "headerLines": 1,
    "skipDataLines": 0,
    "limit": -1,
    "storeBlankRows": True,
    "guessCellValueTypes": False,
    "processQuotes": True,
    "storeBlankCellsAsNulls": True,
    "includeFileSources": False,
    "encoding": "UTF-8",
}
with open(csv_file, "rb") as f:
    created = session.post(
        refine + "/command/core/create-project-from-upload",
        params={"csrf_token": csrf()},
        files={"project-file": ("names.csv", f, "text/csv")},
        data={
            "project-name": "vigil reconciliation",
            "format": "text/line-based/*sv",
            "options": json.dumps(options),
        },
        allow_redirects=False,
    )
location = created.headers.get("Location", "")
if "project=" not in location:
    sys.exit("OpenRefine made no project: %s %s" % (created.status_code, created.text[:500]))
project = location.split("project=")[1].split("&")[0]

config = {
    "mode": "standard-service",
    "service": service,
    "identifierSpace": "https://vigil.example/ns/list-entry",
    "schemaSpace": "https://followthemoney.tech/explorer/schemata/",
    "autoMatch": True,
    "columnDetails": [],
    "limit": 0,
}
if entity_type:
    config["type"] = {"id": entity_type, "name": entity_type}
started = session.post(
    refine + "/command/core/reconcile",
    params={"project": project, "csrf_token": csrf()},
    data={
        "columnName": "name",
        "config": json.dumps(config),
        "engine": json.dumps({"facets": [], "mode": "row-based"}),
    },
).json()
if started.get("code") not in ("ok", "pending"):
    sys.exit("OpenRefine refused the reconciliation: %s" % started)

deadline = time.time() + 900
while True:
    processes = session.get(
        refine + "/command/core/get-processes", params={"project": project}
    ).json()
    if not processes.get("processes"):
        break
    if time.time() > deadline:
        sys.exit("the reconciliation did not finish in 15 minutes: %s" % processes)
    time.sleep(1)

rows = session.get(
    refine + "/command/core/get-rows",
    params={"project": project, "start": 0, "limit": 100000},
).json()
pool = rows.get("pool", {}).get("recons", {})
columns = session.get(
    refine + "/command/core/get-models", params={"project": project}
).json()["columnModel"]["columns"]
index = {c["name"]: c["cellIndex"] for c in columns}
for row in rows["rows"]:
    cells = row["cells"]

    def cell(name):
        i = index[name]
        return cells[i] if i < len(cells) and cells[i] is not None else {}

    recon = cell("name").get("r")
    if isinstance(recon, str):
        recon = pool.get(recon)
    recon = recon or {}
    match = recon.get("m") or {}
    print(
        json.dumps(
            {
                "name": cell("name").get("v"),
                "expected": cell("expected").get("v"),
                "judgment": recon.get("j", "none"),
                "match": match.get("id"),
                "candidates": len(recon.get("c", [])),
            }
        )
    )

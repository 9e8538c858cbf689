# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives Vigil's TAXII 2.1 server with the OASIS client (taxii2client.v21) and prints what it
saw as one JSON document. Run by TaxiiClientIT with Debian's python3 and the client on PYTHONPATH.

usage: taxii_client_check.py BASE TOKEN walk|leak
"""
import json
import sys
import threading
import uuid

import requests
from taxii2client.v21 import Server, as_pages

BASE, TOKEN, MODE = sys.argv[1], sys.argv[2], sys.argv[3]
NS = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
MEDIA_TYPES = set()


class Bearer(requests.auth.AuthBase):
    def __call__(self, r):
        r.headers["Authorization"] = "Bearer " + TOKEN
        r.register_hook("response", lambda resp, *a, **k: MEDIA_TYPES.add(resp.headers.get("Content-Type")))
        return r


def identity(n, tag, modified="2026-01-01T00:00:00.000Z"):
    return {
        "type": "identity",
        "spec_version": "2.1",
        "id": "identity--" + str(uuid.uuid5(NS, tag + str(n))),
        "created": "2026-01-01T00:00:00.000Z",
        "modified": modified,
        "name": tag + " " + str(n),
        "identity_class": "organization",
    }


def add(collection, objects):
    status = collection.add_objects({"objects": objects})
    return status


def page_all(collection, per_request, keep=None, **filters):
    ids, pages, last_header = [], 0, None
    for envelope in as_pages(collection.get_objects, per_request=per_request, **filters):
        pages += 1
        ids.extend(o["id"] for o in envelope.get("objects", []))
        if keep is not None:
            keep.extend(envelope.get("objects", []))
        header = envelope.resp.headers.get("X-TAXII-Date-Added-Last")
        if header:
            last_header = header
    return ids, pages, last_header


def manifest_all(collection, per_request):
    records = []
    for envelope in as_pages(collection.get_manifest, per_request=per_request):
        records.extend(envelope.get("objects", []))
    return records


def walk():
    out = {}
    server = Server(BASE + "/taxii2/", auth=Bearer())
    out["title"] = server.title
    root = server.default
    out["api_root_versions"] = root.versions
    collections = root.collections
    out["collections"] = [{"id": c.id, "title": c.title, "can_read": c.can_read, "can_write": c.can_write} for c in collections]
    green = [c for c in collections if c.title.endswith("TLP:GREEN") and c.can_write][0]
    initial = [identity(n, "bulk") for n in range(10000)]
    statuses = [add(green, initial[i:i + 1000]) for i in range(0, 10000, 1000)]
    out["bulk_success"] = sum(s.success_count for s in statuses)
    out["bulk_status"] = [s.status for s in statuses]
    initial_ids = set(o["id"] for o in initial)

    concurrent_ids = []
    paging = {}
    for size in (250, 1000, 3333):
        stop = threading.Event()
        tag = "live%d-" % size

        def writer():
            n = 0
            while not stop.is_set() and n < 40:
                batch = [identity(n * 10 + k, tag) for k in range(10)]
                add(green, batch)
                concurrent_ids.extend(o["id"] for o in batch)
                n += 1

        thread = threading.Thread(target=writer)
        thread.start()
        ids, pages, last = page_all(green, size)
        stop.set()
        thread.join()
        seen = set(ids)
        # Resume after the last date added this walk saw: exactly what was added since.
        resumed, _, _ = page_all(green, size, added_after=last)
        everything = set(o["id"] for o in manifest_all(green, 5000))
        paging[str(size)] = {
            "pages": pages,
            "objects": len(ids),
            "duplicates": len(ids) - len(seen),
            "initial_missing": len(initial_ids - seen),
            "resumed": len(resumed),
            "resumed_duplicates": len(resumed) - len(set(resumed)) + len(seen & set(resumed)),
            "gaps_after_resume": len(everything - seen - set(resumed)),
            "collection_size": len(everything),
        }
    out["paging"] = paging

    manifest = manifest_all(green, 2000)
    out["manifest_count"] = len(manifest)
    out["manifest_media_types"] = sorted(set(r["media_type"] for r in manifest))
    out["manifest_has_dates"] = all("date_added" in r and "version" in r for r in manifest)

    first = initial[0]
    second = dict(first, modified="2026-02-01T00:00:00.000Z", name="bulk 0 renamed")
    add(green, [second])
    out["versions"] = green.object_versions(first["id"])["versions"]
    latest = green.get_object(first["id"])["objects"]
    out["latest_name"] = latest[0]["name"]
    out["all_versions_count"] = len(green.get_object(first["id"], version="all")["objects"])
    out["first_version_name"] = green.get_object(first["id"], version="first")["objects"][0]["name"]
    out["by_type"] = len(green.get_objects(type="identity", id=first["id"])["objects"])

    bad = add(green, [{"type": "identity", "id": "not-an-id"}, identity(1, "good")])
    status = bad
    status.refresh()
    out["status"] = {"id": status.id, "status": status.status, "total": status.total_count,
                     "success": status.success_count, "failure": status.failure_count,
                     "failures": status.failures}

    green.delete_object(identity(1, "good")["id"])
    try:
        green.get_object(identity(1, "good")["id"])
        out["deleted_gone"] = False
    except requests.exceptions.HTTPError as e:
        out["deleted_gone"] = e.response.status_code == 404
    out["media_types"] = sorted(t for t in MEDIA_TYPES if t)
    print(json.dumps(out))


def leak():
    out = {"collections": [], "ids": [], "objects": []}
    server = Server(BASE + "/taxii2/", auth=Bearer())
    for root in server.api_roots:
        for c in root.collections:
            out["collections"].append({"id": c.id, "title": c.title, "can_read": c.can_read})
            if c.can_read:
                ids, _, _ = page_all(c, 100, keep=out["objects"])
                out["ids"].extend(ids)
    out["media_types"] = sorted(t for t in MEDIA_TYPES if t)
    print(json.dumps(out))


if __name__ == "__main__":
    {"walk": walk, "leak": leak}[MODE]()

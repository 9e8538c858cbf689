# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a MISP feed with PyMISP (../shared/tools/pymisp) on Debian's python3: loads every event
file as a MISPEvent, has PyMISP rebuild the event's manifest entry and attribute hashes
(to_feed(with_meta=True)), compares them with the feed's manifest.json and hashes.csv, and checks
every attribute's type and category against MISP's describeTypes.json. Run by MispFeedIT:
  PYTHONPATH=shared/tools/pymisp python3 check_misp_feed.py FEED_DIR DESCRIBE_TYPES
Prints a JSON summary.
"""
import collections
import json
import os
import sys

from pymisp import MISPEvent

feed, describe = sys.argv[1:3]
types = json.load(open(describe, encoding="utf-8"))
types = types.get("result", types)
mappings = types["category_type_mappings"]

manifest = json.load(open(os.path.join(feed, "manifest.json"), encoding="utf-8"))
ours = collections.defaultdict(list)
with open(os.path.join(feed, "hashes.csv"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line:
            digest, uuid = line.split(",")
            ours[uuid].append(digest)

events = 0
attributes = 0
manifest_mismatches = []
hash_mismatches = []
invalid_types = []
rebuilt_manifest = {}
for uuid in manifest:
    event = MISPEvent()
    event.load_file(os.path.join(feed, uuid + ".json"))
    events += 1
    rebuilt = event.to_feed(with_meta=True)["Event"]
    rebuilt_manifest.update(rebuilt["_manifest"])
    if rebuilt["_manifest"].get(uuid) != manifest[uuid]:
        manifest_mismatches.append({"uuid": uuid, "pymisp": rebuilt["_manifest"], "ours": manifest[uuid]})
    if sorted(rebuilt["_hashes"]) != sorted(ours.get(uuid, [])):
        hash_mismatches.append(uuid)
    for attribute in event.attributes:
        attributes += 1
        if attribute.type not in mappings.get(attribute.category, []):
            invalid_types.append("%s/%s" % (attribute.category, attribute.type))
tags = sorted({t["name"] for e in manifest.values() for t in e["Tag"]})
print(
    json.dumps(
        {
            "events": events,
            "attributes": attributes,
            "manifest_equal": rebuilt_manifest == manifest,
            "manifest_mismatches": manifest_mismatches,
            "hash_mismatches": hash_mismatches,
            "hashes": sum(len(v) for v in ours.values()),
            "invalid_types": invalid_types,
            "tags": tags,
            "events_in_files": sorted(f[:-5] for f in os.listdir(feed) if f.endswith(".json") and f != "manifest.json"),
            "manifest_keys": sorted(manifest),
        }
    )
)

# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a MISP feed with PyMISP (../shared/tools/pymisp) on Debian's python3: loads every event
file as a MISPEvent, has PyMISP rebuild the event's manifest entry and attribute hashes
(to_feed(with_meta=True)), compares them with the feed's manifest.json and hashes.csv, and checks
every attribute's type and category against MISP's describeTypes.json. Run by MispFeedIT on a
folder, and by FeedRoutesIT on a feed URL, fetched as MISP's feed fetcher does (URL/manifest.json,
URL/hashes.csv, URL/UUID.json, with the feed's configured header, here the token in VIGIL_TOKEN):
  PYTHONPATH=shared/tools/pymisp python3 check_misp_feed.py FEED_DIR|FEED_URL DESCRIBE_TYPES
Prints a JSON summary.
"""
import collections
import json
import os
import sys
import urllib.request

from pymisp import MISPEvent

feed, describe = sys.argv[1:3]
types = json.load(open(describe, encoding="utf-8"))
types = types.get("result", types)
mappings = types["category_type_mappings"]
remote = feed.startswith("http://") or feed.startswith("https://")
content_types = {}
fetched = []


def read(name):
    if not remote:
        with open(os.path.join(feed, name), encoding="utf-8") as f:
            return f.read()
    request = urllib.request.Request(
        feed.rstrip("/") + "/" + name,
        headers={"Authorization": "Bearer " + os.environ["VIGIL_TOKEN"], "Accept": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        content_types[name.split(".")[-1]] = response.headers.get("Content-Type")
        if name.endswith(".json") and name != "manifest.json":
            fetched.append(name[:-5])
        return response.read().decode("utf-8")


manifest = json.loads(read("manifest.json"))
ours = collections.defaultdict(list)
for line in read("hashes.csv").splitlines():
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
    event.load(read(uuid + ".json"))
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
            "events_in_files": sorted(fetched)
            if remote
            else sorted(f[:-5] for f in os.listdir(feed) if f.endswith(".json") and f != "manifest.json"),
            "content_types": content_types,
            "manifest_keys": sorted(manifest),
        }
    )
)

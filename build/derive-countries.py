#!/usr/bin/env python3
# Derives the case map's country outlines (vigil-app/src/main/resources/org/vigil/http/assets/
# countries.geo.json) from the npm package world-atlas 2.0.2 (Natural Earth 1:110m Admin 0
# boundaries, public domain; the TopoJSON packaging ISC, Michael Bostock): `npm pack
# world-atlas@2.0.2`, unpack it, and run
#   python3 build/derive-countries.py package/countries-110m.json \
#       vigil-app/src/main/resources/org/vigil/http/assets/countries.geo.json
# The change made: the TopoJSON arcs decoded into plain GeoJSON polygons (Leaflet reads GeoJSON),
# coordinates rounded to 2 decimals, only each country's name kept. Data, not code.
import json, sys

topo = json.load(open(sys.argv[1], encoding='utf-8'))
sx, sy = topo['transform']['scale']
tx, ty = topo['transform']['translate']
arcs = []
for arc in topo['arcs']:
    x = y = 0
    points = []
    for dx, dy in arc:
        x += dx
        y += dy
        points.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
    arcs.append(points)

def ring(indexes):
    out = []
    for i in indexes:
        points = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(points if not out else points[1:])
    return out

features = []
for g in topo['objects']['countries']['geometries']:
    if g['type'] == 'Polygon':
        geometry = {'type': 'Polygon', 'coordinates': [ring(r) for r in g['arcs']]}
    elif g['type'] == 'MultiPolygon':
        geometry = {'type': 'MultiPolygon',
                    'coordinates': [[ring(r) for r in p] for p in g['arcs']]}
    else:
        continue
    features.append({'type': 'Feature', 'properties': {'name': g['properties']['name']},
                     'geometry': geometry})
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    json.dump({'type': 'FeatureCollection', 'features': features}, f, separators=(',', ':'),
              ensure_ascii=False)
    f.write('\n')
print(len(features), 'countries')

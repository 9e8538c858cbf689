// SPDX-License-Identifier: GPL-3.0-or-later
// Validates a STIX 2.1 bundle and every object in it with ajv 8 (draft 2020-12) and ajv-formats
// against the OASIS schemas. Run by StixSchemaIT:
//   NODE_PATH=<ajv install>/node_modules node validate_stix.js SCHEMAS_DIR BUNDLE.json
// Prints {"checked": n, "failures": [{"id", "schema", "errors"}]} on stdout.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const [schemasDir, bundleFile] = process.argv.slice(2);
// The OASIS patterns escape "-" inside classes, which only non-unicode regular expressions allow.
const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const byName = {};
for (const folder of ["common", "sdos", "sros", "observables"]) {
  for (const file of fs.readdirSync(path.join(schemasDir, folder))) {
    const schema = JSON.parse(fs.readFileSync(path.join(schemasDir, folder, file), "utf8"));
    ajv.addSchema(schema);
    byName[file.replace(/\.json$/, "")] = schema.$id;
  }
}
const bundle = JSON.parse(fs.readFileSync(bundleFile, "utf8"));
const failures = [];
let checked = 0;
function check(object, name) {
  const validate = ajv.getSchema(byName[name]);
  checked++;
  if (!validate) {
    failures.push({ id: object.id, schema: name, errors: ["no OASIS schema for this type"] });
  } else if (!validate(object)) {
    failures.push({ id: object.id, schema: name, errors: validate.errors });
  }
}
// bundle.json lists the types it checks inside a bundle and leaves out location, note, opinion,
// grouping and incident, whose objects then fail its fallback branch (a oneOf that both core and
// cyber-observable-core match). So the bundle is checked with the objects of the types it lists;
// every object, of whatever type, is checked against its own schema below.
const bundleSchema = JSON.parse(fs.readFileSync(path.join(schemasDir, "common", "bundle.json"), "utf8"));
const listed = new Set(
  bundleSchema.properties.objects.items.anyOf[0].oneOf.map((r) => path.basename(r.$ref, ".json")));
check(Object.assign({}, bundle, { objects: (bundle.objects || []).filter((o) => listed.has(o.type)) }),
  "bundle");
for (const object of bundle.objects || []) {
  check(object, object.type);
}
process.stdout.write(JSON.stringify({ checked, failures }));

// SPDX-License-Identifier: GPL-3.0-or-later
// Validates answers of Vigil's reconciliation service with ajv 8 against the W3C Entity
// Reconciliation API 0.2 JSON schemas. Run by ReconciliationSchemaIT:
//   NODE_PATH=<ajv install>/node_modules node validate_reconciliation.js SCHEMAS_DIR CHECKS.json
// CHECKS.json is [{"name", "schema" (a file name in SCHEMAS_DIR), "instance"}]; prints
// {"checked": n, "failures": [{"name", "schema", "errors"}]} on stdout.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");

const [schemasDir, checksFile] = process.argv.slice(2);
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
const ids = {};
for (const file of fs.readdirSync(schemasDir)) {
  if (!file.endsWith(".json")) continue;
  const schema = JSON.parse(fs.readFileSync(path.join(schemasDir, file), "utf8"));
  // The schemas name the unversioned meta-schema "http://json-schema.org/schema#", which ajv does
  // not ship; they are written in draft-07, ajv's default.
  delete schema.$schema;
  ajv.addSchema(schema);
  ids[file] = schema.$id;
}
const checks = JSON.parse(fs.readFileSync(checksFile, "utf8"));
const failures = [];
for (const check of checks) {
  const validate = ajv.getSchema(ids[check.schema]);
  if (!validate) {
    failures.push({ name: check.name, schema: check.schema, errors: ["no such schema"] });
  } else if (!validate(check.instance)) {
    failures.push({ name: check.name, schema: check.schema, errors: validate.errors });
  }
}
process.stdout.write(JSON.stringify({ checked: checks.length, failures }));

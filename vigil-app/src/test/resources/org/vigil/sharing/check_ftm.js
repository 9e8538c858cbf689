// SPDX-License-Identifier: GPL-3.0-or-later
// Loads every line of a FollowTheMoney JSON-lines export with the FtM model of npm
// @alephdata/followthemoney (which refuses unknown schemata and properties), and checks that every
// entity reference resolves to an entity of the same export. Run by FtmExportIT:
//   NODE_PATH=<install>/node_modules node check_ftm.js EXPORT.jsonl
// Prints {"lines", "loaded", "failures": [{"line", "error"}], "references", "dangling": [...]}.
"use strict";
const fs = require("fs");
const { Model, defaultModel } = require("@alephdata/followthemoney");

const model = new Model(defaultModel);
const lines = fs.readFileSync(process.argv[2], "utf8").split("\n").filter((l) => l.trim() !== "");
const entities = [];
const failures = [];
lines.forEach((line, i) => {
  try {
    entities.push(model.getEntity(JSON.parse(line)));
  } catch (e) {
    failures.push({ line: i + 1, error: String(e.message || e) });
  }
});
const ids = new Set(entities.map((e) => e.id));
const dangling = [];
let references = 0;
for (const entity of entities) {
  for (const [property, values] of entity.properties) {
    if (property.type.name !== "entity") continue;
    for (const value of values) {
      references++;
      const id = typeof value === "string" ? value : value.id;
      if (!ids.has(id)) dangling.push(entity.id + " " + property.name + " " + id);
    }
  }
}
process.stdout.write(
  JSON.stringify({ lines: lines.length, loaded: entities.length, failures, references, dangling })
);

/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies for POST /statements, built as JSON trees so that tests can break them. */
final class Bodies {
  private Bodies() {}

  static ObjectNode write(String sourceId, String tlp) {
    ObjectNode body = Client.JSON.createObjectNode();
    ObjectNode source = body.putObject("source");
    source.put("id", sourceId);
    source.put("kind", "document");
    source.put("title", "Report " + sourceId);
    source.put("reliability", "B");
    source.putObject("marking").put("tlp", tlp);
    body.putArray("statements");
    return body;
  }

  static ObjectNode statement(
      ObjectNode body, String entityId, String schema, String property, String value) {
    ArrayNode statements = (ArrayNode) body.get("statements");
    ObjectNode statement = statements.addObject();
    statement.put("entityId", entityId);
    statement.put("schema", schema);
    statement.put("property", property);
    statement.put("value", value);
    return statement;
  }

  static ObjectNode marked(ObjectNode statement, String tlp) {
    statement.putObject("marking").put("tlp", tlp);
    return statement;
  }
}

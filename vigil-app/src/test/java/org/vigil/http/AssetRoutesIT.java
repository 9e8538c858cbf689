/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.web.NetworkPage;

/** The UI's static files: typed, cacheable, behind sign-in except the style sheet, no escapes. */
class AssetRoutesIT {
  @TempDir static Path dir;
  static TestServer app;
  static Client alice;

  @BeforeAll
  static void start() {
    app = TestServer.start(dir);
    app.org("org-a");
    app.user("alice", "org-a", Role.ANALYST);
    alice = app.client().signedIn("alice");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theStyleSheetIsServedToAnyoneWithItsTypeAndCaching() {
    Client.Reply css = app.client().page("/assets/vigil.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.header("Content-Type")).hasValue("text/css; charset=utf-8");
    assertThat(css.header("Cache-Control")).hasValue("public, max-age=3600");
    assertThat(css.header("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(css.body()).contains(".tlp-amber");
  }

  @Test
  void otherAssetsNeedASignInAndCarryTheirType() {
    assertThat(app.client().page("/assets/vigil.svg").status()).isEqualTo(303);
    Client.Reply svg = alice.page("/assets/vigil.svg");
    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.header("Content-Type")).hasValue("image/svg+xml");
    assertThat(svg.body()).startsWith("<svg");
  }

  @Test
  void theGraphExplorersLibrariesAreServedFromTheirWebJars() {
    List<String> scripts = new ArrayList<>(NetworkPage.LAYOUT);
    scripts.add(0, NetworkPage.CYTOSCAPE);
    for (String script : scripts) {
      Client.Reply js = alice.page(script);
      assertThat(js.status()).as(script).isEqualTo(200);
      assertThat(js.header("Content-Type")).hasValue("text/javascript; charset=utf-8");
      assertThat(js.body()).as(script).isNotBlank();
    }
  }

  @Test
  void aCachedCopyIsConfirmedWithoutItsBody() {
    Client.Reply first = alice.page("/assets/vigil.css");
    String etag = first.header("ETag").orElseThrow();
    Client.Reply again =
        alice.send(
            HttpRequest.newBuilder(URI.create(app.base() + "/assets/vigil.css"))
                .header("If-None-Match", etag)
                .GET());
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void namesThatLeaveTheAssetFolderOrHaveUnknownTypesAreNotFound() {
    for (String path :
        new String[] {
          "/assets/..%2Fopenapi.json",
          "/assets/%2E%2E%2Fopenapi.json",
          "/assets/.hidden.css",
          "/assets/SignInPage.class",
          "/assets/no-such-file.js",
          "/assets/lib/..%2F..%2Forg%2Fvigil%2Fhttp%2Fopenapi.json",
          "/assets/lib/x/../../org/vigil/http/openapi.json",
          "/assets/lib/no-such-lib/1.0/lib.js"
        }) {
      Client.Reply reply = alice.page(path);
      assertThat(reply.status()).as(path).isIn(400, 404);
      assertThat(reply.body()).as(path).doesNotContain("\"openapi\"");
    }
  }
}

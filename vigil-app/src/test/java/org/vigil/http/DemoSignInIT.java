/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;

/** The demo's automatic sign-in: loopback with a local Host header only, and writes need CSRF. */
class DemoSignInIT {
  @TempDir static Path dir;
  static TestServer app;

  @BeforeAll
  static void start() {
    app = TestServer.start(dir, s -> s.withLoopbackUser("analyst"));
    app.org("org-a");
    app.user("analyst", "org-a", Role.ANALYST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void loopbackRequestIsSignedInWithARealSession() {
    Client.Reply me = app.client().get("/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("user").path("username").asText()).isEqualTo("analyst");
    assertThat(me.header("Set-Cookie").orElseThrow()).startsWith("vigil_session=");
    assertThat(me.json().path("csrfToken").asText()).isNotEmpty();
  }

  @Test
  void automaticSessionStillNeedsTheCsrfTokenToWrite() {
    ObjectNode body = Bodies.write("demo-src", "GREEN");
    Bodies.statement(body, "demo-person", "Person", "name", "Parisa Demo");
    Client.Reply blind = app.client().postWithoutCsrf("/statements", body.toString());
    assertThat(blind.status()).isEqualTo(403);
    assertThat(blind.errorCode()).isEqualTo("csrf");

    Client.Reply me = app.client().get("/me");
    String cookie = me.header("Set-Cookie").orElseThrow();
    Client session = app.client().withCookie(cookie.substring(0, cookie.indexOf(';')));
    Client.Reply written =
        session.send(
            session
                .request("/statements")
                .header("X-CSRF-Token", me.json().path("csrfToken").asText())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())));
    assertThat(written.status()).as(written.body()).isEqualTo(200);
  }

  @Test
  void foreignHostHeaderIsNotSignedIn() throws IOException {
    // A page whose DNS name was rebound to 127.0.0.1 sends its own name as Host.
    String response = rawGet("/api/v1/me", "attacker.example:" + app.server.port());
    assertThat(response).startsWith("HTTP/1.1 401");
  }

  @Test
  void nonLoopbackAddressesAreNeverSignedIn() {
    assertThat(LoopbackSignIn.isLoopback("127.0.0.1")).isTrue();
    assertThat(LoopbackSignIn.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(LoopbackSignIn.isLoopback("[::1]")).isTrue();
    assertThat(LoopbackSignIn.isLoopback("10.1.2.3")).isFalse();
    assertThat(LoopbackSignIn.isLoopback("192.168.0.7")).isFalse();
    assertThat(LoopbackSignIn.isLoopback("fe80::1")).isFalse();
    assertThat(LoopbackSignIn.isLoopback("localhost.attacker.example")).isFalse();
    assertThat(LoopbackSignIn.isLoopback("unknown")).isFalse();
  }

  @Test
  void requestFromAnotherAddressOfThisMachineIsNotSignedIn(@TempDir Path otherDir)
      throws IOException {
    java.util.Optional<java.net.InetAddress> external = nonLoopbackAddress();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        external.isPresent(), "this machine has no non-loopback IPv4 address");
    try (TestServer wide =
        TestServer.start(
            otherDir,
            s ->
                new ServerSettings(
                    "0.0.0.0",
                    0,
                    s.maxBodyBytes(),
                    s.sessionTtl(),
                    "test",
                    java.util.Optional.of("analyst")))) {
      wide.org("org-a");
      wide.user("analyst", "org-a", Role.ANALYST);
      String response =
          rawGet(
              external.get().getHostAddress(),
              wide.server.port(),
              "/api/v1/me",
              "localhost:" + wide.server.port());
      assertThat(response).startsWith("HTTP/1.1 401");
    }
  }

  private static java.util.Optional<java.net.InetAddress> nonLoopbackAddress() throws IOException {
    for (java.net.NetworkInterface nic :
        java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (java.net.InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
        if (address instanceof java.net.Inet4Address && !address.isLoopbackAddress()) {
          return java.util.Optional.of(address);
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static String rawGet(String path, String host) throws IOException {
    return rawGet("127.0.0.1", app.server.port(), path, host);
  }

  private static String rawGet(String address, int port, String path, String host)
      throws IOException {
    try (Socket socket = new Socket(address, port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

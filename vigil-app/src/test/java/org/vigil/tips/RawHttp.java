/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.0 by hand over a socket bound to a chosen local address, so a test can send from 127.0.0.2
 * with the headers it likes (the JDK's client picks neither).
 */
final class RawHttp {
  record Response(int status, Map<String, List<String>> headers, String body) {
    List<String> header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
  }

  /** A multipart form: text fields, then files as (field, file name, bytes). */
  static final class Form {
    private final String boundary = "----vigil-test-boundary-4f1c";
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Form field(String name, String value) {
      write(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\"\r\n\r\n"
              + value
              + "\r\n");
      return this;
    }

    Form file(String name, String fileName, byte[] content) {
      write(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\"; filename=\""
              + fileName
              + "\"\r\nContent-Type: image/jpeg\r\n\r\n");
      body.writeBytes(content);
      write("\r\n");
      return this;
    }

    byte[] bytes() {
      ByteArrayOutputStream done = new ByteArrayOutputStream();
      done.writeBytes(body.toByteArray());
      done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return done.toByteArray();
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    private void write(String text) {
      body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private RawHttp() {}

  static Response get(int port, String path) throws IOException {
    return send("127.0.0.1", port, "GET", path, Map.of(), new byte[0]);
  }

  static Response post(int port, String path, Form form) throws IOException {
    return send(
        "127.0.0.1", port, "POST", path, Map.of("Content-Type", form.contentType()), form.bytes());
  }

  static Response send(
      String from, int port, String method, String path, Map<String, String> headers, byte[] body)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(120_000);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(path).append(" HTTP/1.0\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
      for (Map.Entry<String, String> h : headers.entrySet()) {
        head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
      }
      if (body.length > 0 || method.equals("POST")) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] all = in.readAllBytes();
      return parse(all);
    }
  }

  private static Response parse(byte[] all) {
    String text = new String(all, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    return new Response(status, headers, text.substring(end + 4));
  }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a request may be signed in automatically as the demo user: only when the peer
 * connected over loopback, and only when the Host header names this machine, so that a web page
 * whose DNS name is rebound to 127.0.0.1 cannot borrow the demo session.
 */
final class LoopbackSignIn {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]+");
  private static final Pattern LOCAL_HOST =
      Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d{1,5})?");

  private LoopbackSignIn() {}

  static boolean applies(Context ctx) {
    String host = Optional.ofNullable(ctx.header("Host")).orElse("").toLowerCase(Locale.ROOT);
    return LOCAL_HOST.matcher(host).matches() && isLoopback(Requests.remoteAddress(ctx));
  }

  static boolean isLoopback(String address) {
    String literal = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
    // Only IP literals are parsed, so that this never triggers a DNS lookup.
    if (!IP_LITERAL.matcher(literal).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

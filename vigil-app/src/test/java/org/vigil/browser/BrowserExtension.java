/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives browser tests a {@link UiServer} (one per test JVM, shared) and a fresh {@link Browser}
 * (one per test, closed after it) as parameters.
 *
 * <p>The tests run when the system property {@code vigil.browser} is {@code required}, as the Maven
 * profile {@code browser} sets it (on by itself where /usr/bin/chromedriver exists; CI installs
 * Debian's chromium and chromium-driver and names the profile). Then a missing browser is a
 * failure. Without the property each test is skipped, and the report says why.
 */
public final class BrowserExtension implements ExecutionCondition, ParameterResolver {
  static final String SWITCH = "vigil.browser";
  private static final AtomicBoolean SAID_WHY = new AtomicBoolean();
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if ("required".equals(System.getProperty(SWITCH))) {
      return ConditionEvaluationResult.enabled("browser tests are on (-Pbrowser)");
    }
    String why =
        "browser tests skipped: Debian's chromium-driver is not installed here (/usr/bin/chromedriver);"
            + " apt-get install -y chromium chromium-driver, or run ./mvnw verify -Pbrowser to make"
            + " them required";
    if (SAID_WHY.compareAndSet(false, true)) {
      // The build log shows only counts; say once, where a developer looks, why these were skipped.
      System.err.println("[vigil] " + why);
    }
    return ConditionEvaluationResult.disabled(why);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == UiServer.class || type == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    UiServer server = server(context);
    if (parameter.getParameter().getType() == UiServer.class) {
      return server;
    }
    String prefix =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getTestMethod().map(m -> m.getName()).orElse("all");
    Browser browser = Browser.open(server.base(), screenshots(), prefix);
    // Closed when the test (or class, for a @BeforeAll parameter) is done.
    context
        .getStore(NAMESPACE)
        .put(new Object(), (ExtensionContext.Store.CloseableResource) browser::close);
    return browser;
  }

  private static UiServer server(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(UiServer.class, k -> UiServer.start(), UiServer.class);
  }

  private static Path screenshots() {
    return Path.of(System.getProperty("vigil.screenshots", "target/screenshots"));
  }
}

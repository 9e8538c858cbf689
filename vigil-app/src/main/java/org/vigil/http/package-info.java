/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * The HTTP API under {@code /api/v1}: one front door ({@link org.vigil.http.ApiServer}), routes
 * that each name the permission they need, JSON mapped from the domain at this edge, and errors as
 * {@code {"error": {"code", "message"}}}. The server also mounts the web pages of {@code
 * org.vigil.web} on the same routes, guard and backend; the JSON routes never use the pages.
 */
package org.vigil.http;

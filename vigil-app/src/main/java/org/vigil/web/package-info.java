/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * The analyst's web pages, rendered on the server: home, search, entity, document, network, upload,
 * screening and sign-in. They are mounted on the HTTP server beside the JSON API ({@link
 * org.vigil.http}), use its routes, guard and backend, and read through the same store calls, so
 * the same markings apply.
 */
package org.vigil.web;

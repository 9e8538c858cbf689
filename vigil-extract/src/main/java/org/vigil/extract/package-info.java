/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Reading documents and the language in them: mentions, relations and events, each with the span of
 * text it came from.
 */
package org.vigil.extract;

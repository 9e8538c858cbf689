/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Signing in: Argon2id password hashes, sessions and API tokens (stored only as hashes), and the
 * throttle that slows password guessing. Used by both the HTTP API and the command line.
 */
package org.vigil.auth;

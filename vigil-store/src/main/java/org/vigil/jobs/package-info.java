/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Persistent background jobs: a queue in the database (PostgreSQL for several nodes, H2 embedded)
 * that any node takes work from, and the runner that takes it, retries it with back-off and parks
 * what keeps failing.
 */
package org.vigil.jobs;

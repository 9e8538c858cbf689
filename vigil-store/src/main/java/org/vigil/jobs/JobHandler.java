/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.jobs;

/**
 * Does the work of one kind of job. It must be idempotent: a job whose node died in the middle is
 * run again from the start by another node, so running it twice must leave what running it once
 * does (store by key, check before writing, or write in one transaction). Throwing fails this
 * attempt; the runner retries it later or parks it.
 */
@FunctionalInterface
public interface JobHandler {
  void run(Job job) throws Exception;
}

/* SPDX-License-Identifier: MIT */
/*
 * Program termination for l4util programs.
 *
 * exit() flushes the log buffer, reports the status on the log and stops
 * the calling thread for good.  (A later issue hands the status to the
 * parent through the L4Re parent protocol; until then nobody collects it.)
 */
#ifndef L4_UTIL_EXIT_H
#define L4_UTIL_EXIT_H

void exit(int status) __attribute__((noreturn));

/* Block the calling thread forever without reporting anything. */
void l4util_sleep_forever(void) __attribute__((noreturn));

#endif /* L4_UTIL_EXIT_H */

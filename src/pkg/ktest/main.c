// SPDX-License-Identifier: MIT
/*
 * ktest's main: runs every case of every table in order, one verdict line
 * each, cleans up after each case, prints the summary and ends QEMU with
 * the number of failed cases as exit status (0: all passed).
 */
#include "ktest.h"

#include <l4/sys/debugger.h>
#include <l4/util/exit.h>
#include <l4/util/printf.h>

void kt_threads_init(void);

static const struct kt_case *const tables[] = {
	kt_basic_cases, kt_ipc_cases, kt_timeout_cases, kt_caps_cases,	 kt_factory_cases,
	kt_mem_cases,	kt_irq_cases, kt_sched_cases,	kt_thread_cases, kt_fuzz_cases,
};

int main(int argc, char **argv)
{
	unsigned passed = 0, total = 0;

	(void)argc;
	(void)argv;
	kt_threads_init();
	printf("ktest: start\n");
	for (unsigned t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		for (const struct kt_case *c = tables[t]; c->id; c++) {
			const char *why = c->fn();

			kt_case_cleanup();
			total++;
			if (why) {
				printf("ktest: %s: FAIL %s\n", c->id, why);
			} else {
				printf("ktest: %s: PASS\n", c->id);
				passed++;
			}
		}
	}
	printf("ktest: done %u/%u\n", passed, total);
	l4util_log_flush();
	l4rec_debugger_exit(L4_BASE_DEBUGGER_CAP, passed == total ? 0 : 1);
	printf("ktest: debugger exit did not stop the machine\n");
	exit(passed == total ? 0 : 1);
}

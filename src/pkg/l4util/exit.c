// SPDX-License-Identifier: MIT
/*
 * exit() for l4util programs: flush, report, stop.  There is no parent to
 * tell yet (the L4Re parent protocol comes with a later issue), so the
 * status goes to the log and the thread blocks for good; its resources stay
 * until whoever created the task deletes it.
 */
#include <l4/util/exit.h>
#include <l4/util/printf.h>

#include <l4/sys/ipc.h>

void l4util_sleep_forever(void)
{
	for (;;)
		l4_ipc_sleep(L4_IPC_NEVER);
}

void exit(int status)
{
	l4util_log_flush();
	printf("exit(%d)\n", status);
	l4util_sleep_forever();
}

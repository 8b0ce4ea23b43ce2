// SPDX-License-Identifier: MIT
/*
 * Log objects for the programs ned starts: one per program, made by the
 * loader's log factory (moe's allocator, L4Re's user factory) with the tag
 * the script chose, so that every line the program prints appears as
 * "<tag> | <line>".  The factory may be a server the same script has
 * just started (cons, as L4.default_loader.log_fab): until it has bound
 * its thread to the channel the call fails with "not existent", so ned
 * retries for a while, as L4Re's clients of a fresh channel do.
 */
#include <l4/re/c/mem_alloc.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/sys/err.h>
#include <l4/sys/ipc.h>

#include "ned.h"

enum { LOG_FAB_RETRIES = 500, LOG_FAB_RETRY_US = 10000 }; /* 5 s in all */

long ned_log_create(l4_cap_idx_t fab, char const *tag, l4_cap_idx_t *log)
{
	l4_cap_idx_t cap = l4re_util_cap_alloc();
	l4_timeout_t retry_to =
		l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us(LOG_FAB_RETRY_US));
	long err;
	int tries = 0;

	if (l4_is_invalid_cap(cap))
		return -L4_ENOMEM;
	for (;;) {
		err = l4re_ma_create_log_srv(fab, cap, tag);
		if (err != l4_ipc_to_errno(L4_IPC_ENOT_EXISTENT) || ++tries == LOG_FAB_RETRIES)
			break;
		l4_ipc_sleep(retry_to);
	}
	if (err < 0) {
		l4re_util_cap_free(cap);
		return err;
	}
	*log = cap;
	return 0;
}

// SPDX-License-Identifier: MIT
/*
 * l4re-libc backend: reading stdin.  Descriptor 0 reads the program's log
 * capability with the vcon protocol (READ), as L4Re's libc does: under
 * moe that is the kernel console, under cons the input cons routes to the
 * program while it has the focus.  vcon reads never block, so an empty
 * read is retried every few milliseconds: read() waits for at least one
 * byte, as on a terminal, and returns what has arrived.
 */
#include <errno.h>

#include <l4/sys/ipc.h>
#include <l4/sys/vcon.h>

#include "backend.h"

enum { CONSOLE_POLL_US = 10000 };

long __l4libc_console_read(l4_cap_idx_t log, void *buf, size_t n)
{
	unsigned want = n > L4_VCON_READ_SIZE ? L4_VCON_READ_SIZE : (unsigned)n;
	int r;

	if (!n)
		return 0;
	for (;;) {
		r = l4_vcon_read(log, buf, want);
		if (r < 0)
			return __l4libc_l4err_to_errno(r);
		if (r > 0) /* r == want + 1: want bytes and more pending */
			return r > (int)want ? (long)want : r;
		l4_ipc_sleep(l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us(CONSOLE_POLL_US)));
	}
}

// SPDX-License-Identifier: MIT
/*
 * Log client stubs: vcon writes of at most L4_VCON_WRITE_SIZE bytes each.
 * The caller's message registers are saved around the writes, so a server
 * may log between receiving a request and answering it.
 */
#include <l4/re/c/log.h>
#include <l4/sys/utcb.h>
#include <l4/sys/vcon.h>

void l4re_log_printn_srv(const l4_cap_idx_t logcap, char const *string, int len)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t saved = *l4_utcb_mr_u(u);

	while (len > 0) {
		unsigned n = len > L4_VCON_WRITE_SIZE ? L4_VCON_WRITE_SIZE : (unsigned)len;

		l4_vcon_write_u(logcap, string, n, u);
		string += n;
		len -= (int)n;
	}
	*l4_utcb_mr_u(u) = saved;
}

void l4re_log_print_srv(const l4_cap_idx_t logcap, char const *string)
{
	int n = 0;

	while (string[n])
		n++;
	l4re_log_printn_srv(logcap, string, n);
}

/* SPDX-License-Identifier: MIT */
/*
 * (L4ReC) The kernel debugger object, L4_BASE_DEBUGGER_CAP of the boot
 * tasks.  Besides L4Re's enter_kdebug (<l4/sys/kdebug.h>) it offers one
 * operation of our own: ending the machine, which test and benchmark root
 * tasks use to hand their verdict to QEMU (semihosting exit code).  See
 * docs/abi.md §7.7.
 */
#ifndef L4_SYS_DEBUGGER_H
#define L4_SYS_DEBUGGER_H

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <l4/sys/ipc.h>

enum l4rec_debugger_ops {
	L4REC_DEBUGGER_EXIT_OP = 0x100,
};

/*
 * Stop the machine with exit status code.  Does not return when it works;
 * otherwise the result tag (e.g. an empty debugger slot) comes back.
 */
L4_INLINE l4_msgtag_t l4rec_debugger_exit_u(l4_cap_idx_t dbg, int code, l4_utcb_t *u)
{
	l4_msg_regs_t *m = l4_utcb_mr_u(u);

	m->mr[0] = L4REC_DEBUGGER_EXIT_OP;
	m->mr[1] = (l4_umword_t)(l4_mword_t)code;
	return l4_ipc_call(dbg, u, l4_msgtag(L4_PROTO_DEBUGGER, 2, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4rec_debugger_exit(l4_cap_idx_t dbg, int code)
{
	return l4rec_debugger_exit_u(dbg, code, l4_utcb());
}

#endif /* L4_SYS_DEBUGGER_H */

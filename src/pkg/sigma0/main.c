// SPDX-License-Identifier: MIT
/*
 * sigma0: the root pager.  The kernel starts it with its own page faults
 * resolved 1:1, so it reads the bootinfo (physical address in the KIP's
 * user_ptr) directly, builds its page bitmaps and then serves its clients
 * (the root task and whoever got a gate through NEW_CLIENT) forever.
 */
#include "sigma0.h"

#include "bootinfo.h"

#include <l4/sys/ipc.h>
#include <l4/sys/kip.h>
#include <l4/util/exit.h>
#include <l4/util/printf.h>

static void __attribute__((noreturn)) serve(void)
{
	l4_utcb_t *u = l4_utcb();
	l4_umword_t label;
	l4_msgtag_t tag;

	/* sigma0 never accepts items: an empty receive-buffer list. */
	l4_utcb_br_u(u)->bdr = 0;
	l4_utcb_br_u(u)->br[0] = 0;
	tag = l4_ipc_wait(u, &label, L4_IPC_NEVER);
	for (;;) {
		if (l4_msgtag_has_error(tag)) {
			tag = l4_ipc_wait(u, &label, L4_IPC_NEVER);
			continue;
		}
		tag = s0_handle(tag, label);
		l4_utcb_br_u(u)->br[0] = 0;
		tag = l4_ipc_reply_and_wait(u, tag, &label, L4_IPC_NEVER);
	}
}

int main(int argc, char **argv)
{
	const l4_kernel_info_t *kip = l4_kip();
	const struct bootinfo *bi = (const struct bootinfo *)kip->user_ptr;
	uint64_t ram, free_bytes;

	(void)argc;
	(void)argv;
	if (kip->magic != L4_KERNEL_INFO_MAGIC || !bi || s0_mem_init(bi) < 0) {
		printf("sigma0: no usable KIP/bootinfo, stopping\n");
		l4util_sleep_forever();
	}
	s0_mem_stats(&ram, &free_bytes);
	printf("sigma0: RAM %lu MiB, %lu MiB free\n", ram >> 20, free_bytes >> 20);
	serve();
}

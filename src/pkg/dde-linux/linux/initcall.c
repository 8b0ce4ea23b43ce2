// SPDX-License-Identifier: MIT
/*
 * Initcalls in Linux order.  module_init() and friends put a 32-bit
 * offset to the function (CONFIG_HAVE_ARCH_PREL32_RELOCATIONS) into
 * .initcall<level>.init; dde-linux's linker script (mk/initcalls.ld)
 * gathers those sections by level, early to 7s, between
 * __dde_initcall_start and __dde_initcall_end.  The tick thread (jiffies,
 * timers) starts first: probe code may sleep or arm timers.
 */
#include <linux/init.h>

#include "dde_linux.h"

extern initcall_entry_t __dde_initcall_start[], __dde_initcall_end[];

int dde_linux_init(void)
{
	initcall_entry_t *e;
	int err = dde_linux_start_timers();

	if (err < 0)
		return err;
	for (e = __dde_initcall_start; e < __dde_initcall_end; e++) {
		initcall_t fn = initcall_from_entry(e);
		int ret = fn();

		if (ret)
			pr_warn("dde: initcall %ps returned %d\n", fn, ret);
	}
	return dde_linux_bound_devices();
}

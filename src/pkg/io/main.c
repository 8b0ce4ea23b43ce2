// SPDX-License-Identifier: MIT
/*
 * io, the device manager (docs/io.md).  Started by ned from a .cfg with
 * the capabilities "sigma0" (to map the device tree and device memory)
 * and "icu" (to bind interrupts), plus the gates and Irq objects its
 * configuration files (the command-line arguments) name.  It reads the
 * device tree, applies the configuration, prints "io: ready" and then
 * serves its objects forever.  A configuration error stops io (exit
 * status 1) after every error has been reported as file:line: reason:
 * a half-configured device manager would hand out the wrong devices.
 */
#include "io.h"

#include <stdio.h>
#include <stdlib.h>

#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/ipc.h>

static bool dispatch(l4_msgtag_t tag, l4_umword_t label, l4_msgtag_t *reply)
{
	int obj = io_obj_by_label(label);

	if (obj < 0) {
		*reply = l4_msgtag(-L4_ENOENT, 0, 0, 0);
		return true;
	}
	if (io_obj(obj)->type == IO_OBJ_BUS)
		return io_vbus_handle(obj, label, tag, reply);
	return io_ds_handle(obj, label, tag, reply);
}

static void __attribute__((noreturn)) serve(void)
{
	l4_utcb_t *u = l4_utcb();
	l4_umword_t label;
	l4_msgtag_t tag, reply;

	/* No request carries items. */
	l4_utcb_br_u(u)->bdr = 0;
	l4_utcb_br_u(u)->br[0] = 0;
	tag = l4_ipc_wait(u, &label, L4_IPC_NEVER);
	for (;;) {
		/* A failed reply (the caller gave up, e.g. moe's timeout) lands here too. */
		if (l4_msgtag_has_error(tag) || !dispatch(tag, label, &reply)) {
			tag = l4_ipc_wait(u, &label, L4_IPC_NEVER);
			continue;
		}
		l4_utcb_br_u(u)->br[0] = 0;
		tag = l4_ipc_reply_and_wait(u, reply, &label, L4_IPC_NEVER);
	}
}

static l4_cap_idx_t need_cap(const char *name)
{
	l4_cap_idx_t cap = l4re_env_get_cap(name);

	if (l4_is_invalid_cap(cap)) {
		printf("io: no '%s' capability: the .cfg must give io L4.Env.%s\n", name, name);
		exit(1);
	}
	return cap;
}

int main(int argc, char **argv)
{
	int errors = 0;

	if (argc < 2) {
		printf("io: usage: io <config file>...\n");
		return 1;
	}
	io_sigma0 = need_cap("sigma0");
	io_icu = need_cap("icu");
	if (io_fdt_map() < 0)
		return 1;
	io_fdt_scan();
	io_pci_scan();
	for (int i = 1; i < argc; i++)
		errors += io_config_load(argv[i]);
	if (errors) {
		printf("io: %d configuration error%s, stopping\n", errors, errors == 1 ? "" : "s");
		return 1;
	}
	printf("io: ready\n");
	fflush(stdout);
	serve();
}

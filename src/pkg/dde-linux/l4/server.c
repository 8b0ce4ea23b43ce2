// SPDX-License-Identifier: MIT
/*
 * main() of every driver_server: reads the command line (devices, gate;
 * see <dde/server.h>), hands the devices to the Linux half, runs its
 * initcalls (which register the driver and probe), then serves the gate.
 * One thread: client requests and interrupts (irq.c) arrive in the same
 * open wait, so Linux code never runs on two threads at once.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/ipc.h>
#include <l4/sys/rcv_endpoint.h>
#include <l4/sys/utcb.h>

#include <dde/server.h>
#include "server.h"

#define MAX_DEVICES 8

/* NAME@BASE[+SIZE][:IRQ] -> cfg; 0 or -1. */
static int parse_amba(char *arg, struct dde_amba_dev_cfg *cfg)
{
	char *at = strchr(arg, '@'), *end;

	if (!at || at == arg)
		return -1;
	*at = '\0';
	cfg->name = arg;
	cfg->base = strtoul(at + 1, &end, 0);
	cfg->size = 0x1000;
	cfg->irq = 0;
	if (*end == '+')
		cfg->size = strtoul(end + 1, &end, 0);
	if (*end == ':')
		cfg->irq = (unsigned)strtoul(end + 1, &end, 0);
	return *end || !cfg->base || !cfg->size ? -1 : 0;
}

static int (*softirq_fn)(void *arg);
static void *softirq_arg;

void dde_server_set_softirq(int (*fn)(void *arg), void *arg)
{
	softirq_fn = fn;
	softirq_arg = arg;
}

static void run_softirq(void)
{
	if (!softirq_fn)
		return;
	dde_l4_irq_lock();
	while (softirq_fn(softirq_arg))
		;
	dde_l4_irq_unlock();
}

/*
 * The softirq point after a client's request: the work a request started
 * (a queue just became ready) runs before the next message, and may call
 * out (moe, io), which overwrites the message registers holding the
 * reply: they are kept aside meanwhile.  So no class has to defer work
 * its request handler caused.
 */
static void softirq_keeping_reply(l4_msgtag_t reply)
{
	l4_umword_t saved[L4_UTCB_GENERIC_DATA_SIZE];
	unsigned n = l4_msgtag_words(reply) + 2 * l4_msgtag_items(reply);

	if (!softirq_fn)
		return;
	if (n > L4_UTCB_GENERIC_DATA_SIZE)
		n = L4_UTCB_GENERIC_DATA_SIZE;
	memcpy(saved, l4_utcb_mr()->mr, n * sizeof(saved[0]));
	run_softirq();
	memcpy(l4_utcb_mr()->mr, saved, n * sizeof(saved[0]));
}

static l4_msgtag_t wait(const struct dde_server_class *cls, l4_umword_t *label)
{
	if (cls->before_wait)
		cls->before_wait();
	return l4_ipc_wait(l4_utcb(), label, L4_IPC_NEVER);
}

static void serve(const struct dde_server_class *cls)
{
	l4_umword_t label;
	l4_msgtag_t tag = wait(cls, &label);

	for (;;) {
		l4_msgtag_t reply;

		if (l4_msgtag_has_error(tag) || dde_server_irq(label)) {
			run_softirq();
			tag = wait(cls, &label);
			continue;
		}
		if ((label & ~3UL) != DDE_SERVER_GATE_LABEL)
			reply = l4_msgtag(-L4_EBADPROTO, 0, 0, 0);
		else
			reply = cls->dispatch(tag, label);
		softirq_keeping_reply(reply);
		if (cls->before_wait)
			cls->before_wait();
		tag = l4_ipc_reply_and_wait(l4_utcb(), reply, &label, L4_IPC_NEVER);
	}
}

int dde_server_main(int argc, char **argv, const struct dde_server_class *cls,
		    const struct dde_amba_dev_cfg *defaults, unsigned nr_defaults)
{
	struct dde_amba_dev_cfg devs[MAX_DEVICES];
	const char *prog = argc > 0 ? argv[0] : "driver_server";
	const char *gate_name = cls->name;
	unsigned nr = 0, i;
	l4_cap_idx_t gate;
	long err;
	int n;

	for (n = 1; n < argc; ++n) {
		if (!strcmp(argv[n], "--amba") && n + 1 < argc && nr < MAX_DEVICES) {
			if (parse_amba(argv[++n], &devs[nr++]) < 0) {
				printf("%s: bad --amba '%s' (NAME@BASE[+SIZE][:IRQ])\n", prog,
				       argv[n]);
				return 2;
			}
		} else if (!strcmp(argv[n], "--gate") && n + 1 < argc) {
			gate_name = argv[++n];
		} else {
			printf("%s: unknown argument '%s' (--amba NAME@BASE[+SIZE][:IRQ], --gate "
			       "CAP)\n",
			       prog, argv[n]);
			return 2;
		}
	}
	/* Without --amba: io's virtual bus if the .cfg gives one, else the defaults. */
	if (!nr && l4_is_invalid_cap(l4re_env_get_cap("vbus"))) {
		for (i = 0; i < nr_defaults && i < MAX_DEVICES; ++i)
			devs[nr++] = defaults[i];
	}
	for (i = 0; i < nr; ++i) {
		err = dde_linux_add_amba_device(&devs[i]);
		if (err < 0) {
			printf("%s: device %s@%#lx: error %ld\n", prog, devs[i].name, devs[i].base,
			       err);
			return 1;
		}
	}
	err = dde_linux_init();
	if (err >= 0)
		err = cls->ready();
	if (err < 0) {
		printf("%s: no %s device: error %ld\n", prog, cls->name, err);
		return 1;
	}
	gate = l4re_env_get_cap(gate_name);
	if (l4_is_invalid_cap(gate)) {
		printf("%s: no capability '%s' to serve\n", prog, gate_name);
		return 1;
	}
	err = l4_error(l4_rcv_ep_bind_thread(gate, l4re_env()->main_thread, DDE_SERVER_GATE_LABEL));
	if (err < 0) {
		printf("%s: cannot bind to '%s': error %ld\n", prog, gate_name, err);
		return 1;
	}
	printf("%s: serving %s on '%s'\n", prog, cls->name, gate_name);
	fflush(stdout);
	serve(cls);
	return 0;
}

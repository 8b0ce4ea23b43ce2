/* SPDX-License-Identifier: MIT */
/*
 * The driver_server skeleton of dde-linux.  A generated driver package
 * has one glue file whose main() calls dde_server_main() with the device
 * class the driver registers with (today the RTC class) and the devices
 * to probe by default; the class turns client requests into calls of the
 * Linux half (dde_linux_rtc_read(), ...).
 *
 * Command line of every driver_server (L4ReC .cfg: "rom/<x>_server ..."):
 *   --amba NAME@BASE[+SIZE][:IRQ]   an AMBA device (replaces the defaults;
 *                                   repeatable): --amba pl031@0x9010000:34
 *   --gate CAP                      the IPC gate to serve (default: the
 *                                   class name, e.g. "rtc")
 */
#ifndef DDE_SERVER_H
#define DDE_SERVER_H

#include <l4/sys/types.h>

#include <dde/l4.h>

struct dde_server_class {
	const char *name; /* also the default gate capability name */
	/* Checks that a device of the class registered; 0 or negative L4_E*. */
	int (*ready)(void);
	/*
	 * One request in the UTCB; label: the gate label with the caller's
	 * rights in bits 0-1 (L4_CAP_FPAGE_W = bit 0).  Returns the reply tag.
	 */
	l4_msgtag_t (*dispatch)(l4_msgtag_t tag, l4_umword_t label);
	/*
	 * Optional: called before every wait for the next message, e.g. to
	 * put a capability receive slot into the buffer registers (any IPC
	 * the server made meanwhile, Linux code's too, may have changed them).
	 */
	void (*before_wait)(void);
};

extern const struct dde_server_class dde_server_class_rtc;
extern const struct dde_server_class dde_server_class_blk;
extern const struct dde_server_class dde_server_class_net;

/*
 * Any Irq capability attached to the server thread: fn(arg) runs in the
 * server loop, under the interrupt lock like an interrupt handler,
 * whenever it fires (e.g. a client's virtio notification).  0 or
 * negative L4_E*.
 */
int dde_server_attach_irq(l4_cap_idx_t irq, void (*fn)(void *arg), void *arg);

/*
 * Work the server thread does after every interrupt (device lines and
 * dde_server_attach_irq() ones) and every client request, as Linux runs
 * softirqs on the way out of an interrupt (NAPI polls, waiting block
 * requests): fn(arg) is called, under the interrupt lock, until it
 * returns 0 (nothing left).  It may call out freely: a request's reply
 * is kept aside meanwhile.  One hook per server.
 */
void dde_server_set_softirq(int (*fn)(void *arg), void *arg);

/* Never returns unless starting fails: then the exit status. */
int dde_server_main(int argc, char **argv, const struct dde_server_class *cls,
		    const struct dde_amba_dev_cfg *defaults, unsigned nr_defaults);

#endif

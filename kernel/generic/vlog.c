// SPDX-License-Identifier: MIT
/*
 * The kernel log object (vcon protocol, docs/abi.md §7.7) and the debugger
 * object.  Console input is polled from the UART on read.
 */
#include <arch/cpu.h>
#include <ipc.h>
#include <kobj_invoke.h>
#include <l4/sys/err.h>
#include <l4/sys/vcon.h>
#include <plat/uart.h>
#include <printk.h>
#include <task.h>
#include <thread.h>

#define L4REC_DEBUGGER_EXIT_OP 0x100

static unsigned long vcon_attr[3];

long vlog_invoke(struct thread *cur, unsigned long tag, unsigned int *words)
{
	unsigned long *mr = utcb_mr(cur);
	unsigned int w = tag & 63, i;

	if (w < 1)
		return -L4_EINVAL;
	switch (mr[0] & 0xffff) {
	case L4_VCON_WRITE_OP: {
		unsigned long n;

		if (w < 2)
			return -L4_EINVAL;
		n = mr[1];
		if (n > (w - 2) * sizeof(unsigned long))
			n = (w - 2) * sizeof(unsigned long);
		console_write((const char *)&mr[2], n);
		return 0;
	}
	case L4_VCON_READ_OP: {
		unsigned long size = mr[0] >> 16, n = 0;
		char *buf = (char *)&mr[1];
		int c;

		if (size > L4_VCON_READ_SIZE)
			size = L4_VCON_READ_SIZE;
		while (n < size && (c = uart_getc()) >= 0)
			buf[n++] = (char)c;
		mr[0] = n | (uart_getc_pending() ? 0 : L4_VCON_READ_STAT_DONE);
		*words = 1 + (unsigned int)((n + 7) / 8);
		return 0;
	}
	case L4_VCON_SET_ATTR_OP:
		if (w < 4)
			return -L4_EINVAL;
		for (i = 0; i < 3; i++)
			vcon_attr[i] = mr[1 + i];
		return 0;
	case L4_VCON_GET_ATTR_OP:
		for (i = 0; i < 3; i++)
			mr[1 + i] = vcon_attr[i];
		*words = 4;
		return 0;
	default:
		return -L4_ENOSYS;
	}
}

long debugger_invoke(struct thread *cur, unsigned long tag)
{
	unsigned long *mr = utcb_mr(cur);

	if ((tag & 63) < 1)
		return -L4_EINVAL;
	switch (mr[0]) {
	case 0:
		printk("l4rec: enter_kdebug from thread %p (no kernel debugger)\n", (void *)cur);
		return 0;
	case L4REC_DEBUGGER_EXIT_OP:
		if ((tag & 63) < 2)
			return -L4_EINVAL;
		printk("l4rec: system exit with code %ld\n", (long)mr[1]);
		cpu_exit((int)mr[1]);
	default:
		return -L4_ENOSYS;
	}
}

// SPDX-License-Identifier: MIT
#include <arch/cpu.h>
#include <panic.h>
#include <printk.h>

void panic(const char *fmt, ...)
{
	va_list ap;

	printk("\nl4rec: PANIC: ");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("\n");
	cpu_exit(254);
}

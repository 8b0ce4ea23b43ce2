// SPDX-License-Identifier: MIT
/*
 * Machine exit.  Under QEMU with -semihosting, SYS_EXIT_EXTENDED hands the
 * exit code to the host (tests rely on it; scripts/ always pass
 * -semihosting).  Should the call return, PSCI SYSTEM_OFF over smc (QEMU's
 * conduit with virtualization=on), and finally a halt loop.
 */
#include <arch/cpu.h>
#include <printk.h>

#define SEMIHOSTING_SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define PSCI_SYSTEM_OFF 0x84000008UL

void cpu_exit(int code)
{
	unsigned long block[2] = { ADP_STOPPED_APPLICATION_EXIT, (unsigned long)(long)code };

	{
		register unsigned long x0 __asm__("x0") = SEMIHOSTING_SYS_EXIT_EXTENDED;
		register unsigned long x1 __asm__("x1") = (unsigned long)block;

		__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	}
	{
		register unsigned long x0 __asm__("x0") = PSCI_SYSTEM_OFF;

		__asm__ volatile("smc #0" : "+r"(x0)::"memory");
	}
	for (;;)
		__asm__ volatile("wfi");
}

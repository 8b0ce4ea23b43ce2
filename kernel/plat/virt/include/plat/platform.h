/* SPDX-License-Identifier: MIT */
/* QEMU virt: the fixed physical addresses and interrupt numbers we use. */
#ifndef PLAT_PLATFORM_H
#define PLAT_PLATFORM_H

#define PLAT_UART_PHYS 0x09000000UL
#define PLAT_GICD_PHYS 0x08000000UL
#define PLAT_GICR_PHYS 0x080A0000UL
/* Device MMIO that sigma0 may hand out: everything below RAM. */
#define PLAT_MMIO_START 0x00000000UL
#define PLAT_MMIO_END 0x40000000UL
/* The EL2 physical timer's PPI (CNTHP). */
#define PLAT_TIMER_IRQ 26
#define PLAT_UART_IRQ (32 + 1)
#define PLAT_NR_IRQS 288

#endif

// SPDX-License-Identifier: MIT
/*
 * Runs before the MMU is on, at the physical load address: build the boot
 * page tables and enable translation.  Only PC-relative addressing works here
 * (gcc's small code model uses adrp for globals), so nothing in this file may
 * use an absolute pointer stored in data.
 *
 * One level-1 table serves both the identity map (TTBR0, needed for the few
 * instructions between "MMU on" and the jump to the upper half) and the
 * kernel's direct map (TTBR1): with 1 GiB blocks, both index the table by
 * PA[38:30].
 */
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <bootinfo.h>
#include <plat/platform.h>

void early_mmu_init(const struct bootinfo *bi);
void early_fail(unsigned long why) __attribute__((noreturn));

#define DESC_BLOCK 0x1UL
#define DESC_TABLE 0x3UL
#define DESC_AF (1UL << 10)
#define DESC_SH_INNER (3UL << 8)
#define DESC_PXN (1UL << 53)
#define DESC_UXN (1UL << 54)
#define DESC_ATTR(i) ((unsigned long)(i) << 2)

unsigned long kernel_l0[512] __attribute__((aligned(4096)));
unsigned long ident_l0[512] __attribute__((aligned(4096)));
unsigned long kernel_l1[512] __attribute__((aligned(4096)));

static void early_putc(char c)
{
	volatile unsigned int *uart = (volatile unsigned int *)PLAT_UART_PHYS;

	while (uart[0x18 / 4] & (1u << 5))
		;
	uart[0] = (unsigned int)c;
}

static void early_puts(const char *s)
{
	while (*s)
		early_putc(*s++);
}

/* Say why the kernel cannot run on this CPU, then stop. */
void early_fail(unsigned long why)
{
	early_puts("l4rec: cannot start: ");
	if (why == 1)
		early_puts("not entered at EL2; run QEMU with -M virt,virtualization=on\n");
	else
		early_puts("the CPU has no VHE (ARMv8.1 EL2 host extensions); use -cpu max\n");
	for (;;)
		__asm__ volatile("wfi");
}

static unsigned long ips_bits(void)
{
	unsigned long parange = read_sysreg(id_aa64mmfr0_el1) & 0xf;

	return parange > 5 ? 5 : parange;
}

void early_mmu_init(const struct bootinfo *bi)
{
	unsigned long normal =
		DESC_BLOCK | DESC_AF | DESC_SH_INNER | DESC_UXN | DESC_ATTR(MAIR_IDX_NORMAL);
	unsigned long device =
		DESC_BLOCK | DESC_AF | DESC_UXN | DESC_PXN | DESC_ATTR(MAIR_IDX_DEVICE);
	unsigned long tcr;
	unsigned int i;

	/* Device space below RAM (GIC, UART, virtio-mmio, ...). */
	kernel_l1[0] = 0x00000000UL | device;
	/* RAM: every 1 GiB block a RAM region of the bootinfo touches. */
	for (i = 0; i < bi->nr_regions && i < BOOTINFO_MAX_REGIONS; i++) {
		const struct bootinfo_region *r = &bi->regions[i];
		unsigned long gb;

		if (r->type != BOOTINFO_RAM)
			continue;
		for (gb = r->start >> 30; gb <= (r->start + r->size - 1) >> 30 && gb < 512; gb++)
			kernel_l1[gb] = (gb << 30) | normal;
	}
	kernel_l0[0] = (unsigned long)kernel_l1 | DESC_TABLE;
	ident_l0[0] = (unsigned long)kernel_l1 | DESC_TABLE;

	write_sysreg(mair_el2, MAIR_VALUE);
	tcr = 16UL		   /* T0SZ: 48-bit user VA */
	      | (1UL << 8)	   /* IRGN0 WBWA */
	      | (1UL << 10)	   /* ORGN0 WBWA */
	      | (3UL << 12)	   /* SH0 inner */
	      | (16UL << 16)	   /* T1SZ */
	      | (1UL << 24)	   /* IRGN1 */
	      | (1UL << 26)	   /* ORGN1 */
	      | (3UL << 28)	   /* SH1 */
	      | (2UL << 30)	   /* TG1 4K */
	      | (ips_bits() << 32) /* IPS */
	      | (1UL << 36);	   /* AS: 16-bit ASIDs */
	write_sysreg(tcr_el2, tcr);
	write_sysreg(ttbr0_el2, (unsigned long)ident_l0);
	write_sysreg(ttbr1_el2, (unsigned long)kernel_l0);
	isb();
	__asm__ volatile("tlbi alle2\n dsb nsh\n isb" ::: "memory");
	/* UCT, DZE, UCI: EL0 may read CTR_EL0, use DC ZVA and maintain caches by VA. */
	write_sysreg(sctlr_el2, SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_SA | SCTLR_SPAN | (1UL << 14) |
					(1UL << 15) | (1UL << 26));
	isb();
}

// SPDX-License-Identifier: MIT
/*
 * GICv3 with affinity routing, one CPU, all interrupts in Group 1 (QEMU virt
 * without secure=on has a single security state).  SGIs/PPIs are configured
 * in the redistributor, SPIs in the distributor.  The CPU interface is used
 * through the ICC system registers.
 */
#include <arch/irqchip.h>
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <plat/platform.h>

#define GICD_CTLR 0x0000
#define GICD_TYPER 0x0004
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_ICENABLER 0x0180
#define GICD_IPRIORITYR 0x0400
#define GICD_ICFGR 0x0c00
#define GICD_IROUTER 0x6000
#define GICD_CTLR_RWP (1u << 31)

#define GICR_WAKER 0x0014
#define GICR_SGI 0x10000 /* SGI/PPI frame */
#define GICR_IGROUPR0 (GICR_SGI + 0x0080)
#define GICR_ISENABLER0 (GICR_SGI + 0x0100)
#define GICR_ICENABLER0 (GICR_SGI + 0x0180)
#define GICR_IPRIORITYR (GICR_SGI + 0x0400)

#define DEFAULT_PRIO 0xa0

static unsigned int nr_irqs;

static volatile uint32_t *reg(unsigned long base, unsigned long off)
{
	return (volatile uint32_t *)phys_to_virt(base + off);
}

static void gicd_wait_rwp(void)
{
	while (*reg(PLAT_GICD_PHYS, GICD_CTLR) & GICD_CTLR_RWP)
		;
}

void gic_init(void)
{
	unsigned int i;

	nr_irqs = ((*reg(PLAT_GICD_PHYS, GICD_TYPER) & 0x1f) + 1) * 32;
	if (nr_irqs > 1020)
		nr_irqs = 1020;

	*reg(PLAT_GICD_PHYS, GICD_CTLR) = 0;
	gicd_wait_rwp();
	for (i = 32; i < nr_irqs; i += 32) {
		*reg(PLAT_GICD_PHYS, GICD_IGROUPR + i / 8) = ~0u;
		*reg(PLAT_GICD_PHYS, GICD_ICENABLER + i / 8) = ~0u;
	}
	for (i = 32; i < nr_irqs; i += 4)
		*reg(PLAT_GICD_PHYS, GICD_IPRIORITYR + i) = DEFAULT_PRIO * 0x01010101u;
	for (i = 32; i < nr_irqs; i++)
		*(volatile uint64_t *)phys_to_virt(PLAT_GICD_PHYS + GICD_IROUTER + 8 * i) = 0;
	/* ARE + EnableGrp1 (single security state layout). */
	*reg(PLAT_GICD_PHYS, GICD_CTLR) = (1u << 4) | (1u << 1);
	gicd_wait_rwp();

	/* Wake this CPU's redistributor. */
	*reg(PLAT_GICR_PHYS, GICR_WAKER) &= ~(1u << 1);
	while (*reg(PLAT_GICR_PHYS, GICR_WAKER) & (1u << 2))
		;
	*reg(PLAT_GICR_PHYS, GICR_IGROUPR0) = ~0u;
	*reg(PLAT_GICR_PHYS, GICR_ICENABLER0) = ~0u;
	for (i = 0; i < 32; i += 4)
		*reg(PLAT_GICR_PHYS, GICR_IPRIORITYR + i) = DEFAULT_PRIO * 0x01010101u;

	/* CPU interface: system registers, lower ELs may use them too. */
	write_sysreg(S3_4_C12_C9_5, 0xfUL); /* ICC_SRE_EL2: SRE, DFB, DIB, Enable */
	isb();
	write_sysreg(S3_0_C4_C6_0, 0xffUL); /* ICC_PMR_EL1 */
	write_sysreg(S3_0_C12_C12_3, 0UL);  /* ICC_BPR1_EL1 */
	write_sysreg(S3_0_C12_C12_4, 0UL);  /* ICC_CTLR_EL1: EOImode 0 */
	write_sysreg(S3_0_C12_C12_7, 1UL);  /* ICC_IGRPEN1_EL1 */
	isb();
}

unsigned int gic_nr_irqs(void)
{
	return nr_irqs;
}

void gic_enable(unsigned int irq)
{
	if (irq < 32)
		*reg(PLAT_GICR_PHYS, GICR_ISENABLER0) = 1u << irq;
	else
		*reg(PLAT_GICD_PHYS, GICD_ISENABLER + (irq / 32) * 4) = 1u << (irq % 32);
}

void gic_disable(unsigned int irq)
{
	if (irq < 32)
		*reg(PLAT_GICR_PHYS, GICR_ICENABLER0) = 1u << irq;
	else
		*reg(PLAT_GICD_PHYS, GICD_ICENABLER + (irq / 32) * 4) = 1u << (irq % 32);
}

unsigned int gic_ack(void)
{
	unsigned long v = read_sysreg(S3_0_C12_C12_0); /* ICC_IAR1_EL1 */

	dsb(sy);
	return (unsigned int)(v & 0xffffff);
}

void gic_eoi(unsigned int irq)
{
	write_sysreg(S3_0_C12_C12_1, (unsigned long)irq); /* ICC_EOIR1_EL1 */
	isb();
}

// SPDX-License-Identifier: MIT
/*
 * kernel_main: from the boot page tables to the first user task.  Sets up
 * the kernel memory pool, the interrupt controller and timer, the KIP, and
 * sigma0 and the root task; then this context becomes the idle thread.
 */
#include <arch/cpu.h>
#include <arch/irqchip.h>
#include <arch/mmu.h>
#include <boot_tasks.h>
#include <bootinfo.h>
#include <factory.h>
#include <kip.h>
#include <kmem.h>
#include <panic.h>
#include <plat/platform.h>
#include <printk.h>
#include <sched.h>
#include <space.h>
#include <thread.h>

void kernel_main(paddr_t bootinfo_phys);

#define POOL_MIN (8UL << 20)
#define POOL_MAX (64UL << 20)

static struct thread idle_thread;
static struct {
	paddr_t start, end;
} pool;

static bool overlaps_boot(const struct bootinfo *bi, paddr_t start, paddr_t end)
{
	unsigned int i;

	for (i = 0; i < bi->nr_regions; i++) {
		const struct bootinfo_region *r = &bi->regions[i];

		if (r->type != BOOTINFO_RAM && start < r->start + r->size && r->start < end)
			return true;
	}
	return false;
}

/* Keep the top of RAM for the kernel: an eighth of it, within bounds. */
static void setup_memory(const struct bootinfo *bi)
{
	paddr_t ram_start = 0, ram_end = 0, pool_start, pool_size;
	unsigned int i;

	for (i = 0; i < bi->nr_regions; i++) {
		if (bi->regions[i].type == BOOTINFO_RAM && !ram_end) {
			ram_start = bi->regions[i].start;
			ram_end = ram_start + bi->regions[i].size;
		}
	}
	if (!ram_end)
		panic("bootinfo has no RAM region");
	pool_size = (ram_end - ram_start) / 8;
	pool_size = pool_size < POOL_MIN ? POOL_MIN : pool_size > POOL_MAX ? POOL_MAX : pool_size;
	pool_start = ram_end - pool_size;
	if (overlaps_boot(bi, pool_start, ram_end))
		panic("no room for the kernel memory pool at the top of RAM");
	kmem_add_region(phys_to_virt(pool_start), pool_size);
	space_set_ram(ram_start, ram_end);
	space_reserve_phys(bi->kernel_start, bi->kernel_end);
	space_reserve_phys(pool_start, ram_end);
	/* The GIC and the kernel console stay the kernel's. */
	space_reserve_phys(PLAT_GICD_PHYS, PLAT_GICD_PHYS + 0x01000000);
	space_reserve_phys(PLAT_UART_PHYS, PLAT_UART_PHYS + 0x1000);
	factory_init_root(pool_size);
	pool.start = pool_start;
	pool.end = ram_end;
	printk("l4rec: RAM 0x%lx-0x%lx, kernel pool %lu KiB at 0x%lx\n", ram_start, ram_end,
	       pool_size >> 10, pool_start);
}

void kernel_main(paddr_t bootinfo_phys)
{
	const struct bootinfo *bi = phys_to_virt(bootinfo_phys);

	printk("\nL4ReC kernel: AArch64 at EL2 with VHE\n");
	if (bi->magic != BOOTINFO_MAGIC || bi->size != sizeof(*bi))
		panic("bad bootinfo at 0x%lx (magic 0x%lx): image not made by our bootstrap",
		      bootinfo_phys, bi->magic);
	mmu_init();
	cpu_init();
	gic_init();
	timer_init(SCHED_TICK_HZ);
	setup_memory(bi);
	kip_init(bi, bootinfo_phys);
	kip_set_kmem(pool.start, pool.end);
	idle_thread.state = TS_READY;
	list_init(&idle_thread.rq_node);
	list_init(&this_cpu()->timeouts);
	sched_init(&idle_thread);
	boot_tasks_create(bi);
	printk("l4rec: starting %s and %s (entry '%s')\n", bi->modules[0].name, bi->modules[1].name,
	       bi->entry_name);
	for (;;) {
		schedule();
		cpu_idle_wait();
	}
}

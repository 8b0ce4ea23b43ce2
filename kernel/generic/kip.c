// SPDX-License-Identifier: MIT
/* The kernel info page (docs/abi.md §11). */
#include <arch/irqchip.h>
#include <arch/mmu.h>
#include <bootinfo.h>
#include <kip.h>
#include <kmem.h>
#include <l4/sys/kip.h>
#include <panic.h>
#include <sched.h>
#include <kstring.h>

paddr_t kip_phys;
static l4_kernel_info_t *kip;

void kip_init(const struct bootinfo *bi, paddr_t bootinfo_phys)
{
	static const char version[] = "L4ReC kernel\0\0";

	kip = kmem_page_alloc();
	if (!kip)
		panic("no memory for the KIP");
	kip_phys = virt_to_phys(kip);
	kip->magic = L4_KERNEL_INFO_MAGIC;
	kip->version = L4_KIP_VERSION_FIASCO | 0x00010000;
	kip->offset_version_strings = 0x800 / 16;
	memcpy((char *)kip + 0x800, version, sizeof(version));
	kip->scheduler_granularity = 1000000 / SCHED_TICK_HZ;
	kip->sigma0_eip = bi->modules[BOOTINFO_MOD_SIGMA0].entry;
	kip->root_eip = bi->modules[BOOTINFO_MOD_ROOTTASK].entry;
	kip->frequency_bus = timer_freq() / 1000;
	kip->user_ptr = bootinfo_phys;
	memcpy(kip->platform_info.name, "virt", 5);
	kip->l4rec_timer_freq = timer_freq();
	kip->l4rec_abi_version = 1;
	kmem_export_in_use((volatile uint64_t *)&kip->l4rec_kmem_in_use);
	kip_update_clock(timer_now());
}

void kip_set_kmem(paddr_t start, paddr_t end)
{
	kip->l4rec_kmem_start = start;
	kip->l4rec_kmem_end = end;
}

void kip_update_clock(uint64_t now)
{
	uint64_t f = timer_freq();

	kip->clock = (now / f) * 1000000 + ((now % f) * 1000000) / f;
}

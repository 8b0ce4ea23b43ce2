// SPDX-License-Identifier: MIT
/*
 * bootstrap: finds the RAM bank, loads kernel, sigma0 and root task from the
 * payload that mkimage packed, describes memory and modules in struct
 * bootinfo, and enters the kernel at its physical entry with x0 = &bootinfo.
 * See docs/boot.md for the memory map.
 */
#include "bootinfo.h"
#include "bootstrap.h"
#include "bootstrap/payload.h"

#define PAGE 4096ULL
#define PAGE_DOWN(x) ((x) & ~(PAGE - 1))
#define PAGE_UP(x) (((x) + PAGE - 1) & ~(PAGE - 1))
#define FALLBACK_RAM_SIZE (128ULL << 20)

extern const unsigned char __image_start[], __image_end[];
extern const unsigned char __payload_start[], __payload_end[];

/* The hand-over record, in pages of its own inside bootstrap's image. */
static union {
	struct bootinfo bi;
	unsigned char pages[PAGE_UP(sizeof(struct bootinfo))];
} bootinfo_store __attribute__((aligned(4096)));

static struct bs_ranges ranges;

static void copy_str(char *dst, const char *src, size_t cap)
{
	size_t i;

	for (i = 0; i + 1 < cap && src[i]; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

static void add_region(struct bootinfo *bi, uint64_t start, uint64_t end, uint32_t type)
{
	struct bootinfo_region *r;

	if (bi->nr_regions == BOOTINFO_MAX_REGIONS)
		bs_fatal("too many memory regions");
	r = &bi->regions[bi->nr_regions++];
	r->start = PAGE_DOWN(start);
	r->size = PAGE_UP(end) - r->start;
	r->type = type;
}

static const struct image_payload *find_payload(void)
{
	const struct image_payload *pl = (const void *)__payload_start;
	/* Linker symbols: compare addresses, not pointers into one object. */
	uint64_t avail = (uint64_t)(uintptr_t)__payload_end - (uint64_t)(uintptr_t)__payload_start;
	uint32_t i;

	if (avail < sizeof(*pl) || pl->magic != IMAGE_PAYLOAD_MAGIC)
		bs_fatal("no payload: build an image with 'make elfimage E=<entry>'");
	if (pl->version != IMAGE_PAYLOAD_VERSION || pl->nr_modules < IMAGE_MOD_FIRST_PLAIN ||
	    pl->nr_modules > IMAGE_MAX_MODULES || pl->total_size > avail)
		bs_fatal("payload header is corrupt");
	for (i = 0; i < pl->nr_modules; i++)
		if (pl->modules[i].offset > pl->total_size ||
		    pl->total_size - pl->modules[i].offset < pl->modules[i].size)
			bs_fatal("payload module %u out of bounds", i);
	return pl;
}

static void fill_module(struct bootinfo_module *bm, const struct image_module *m, uint64_t entry)
{
	bm->start = (uint64_t)__payload_start + m->offset;
	bm->size = m->size;
	bm->entry = entry;
	copy_str(bm->name, m->name, sizeof(bm->name));
	copy_str(bm->cmdline, m->cmdline, sizeof(bm->cmdline));
}

void bootstrap_main(void)
{
	struct bootinfo *bi = &bootinfo_store.bi;
	const void *fdt = (const void *)IMAGE_RAM_BASE;
	const struct image_payload *pl;
	struct bs_loaded kern, s0, root;
	struct bs_ram ram;
	uint64_t el;
	uint32_t i;

	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	if (((el >> 2) & 3) != 2)
		bs_fatal("entered at EL%u, need EL2 (QEMU: -M virt,virtualization=on)",
			 (unsigned)((el >> 2) & 3));

	pl = find_payload();
	bi->magic = BOOTINFO_MAGIC;
	bi->size = sizeof(*bi);
	copy_str(bi->entry_name, pl->entry_name, sizeof(bi->entry_name));

	if (bs_fdt_valid(fdt) && bs_fdt_memory(fdt, &ram) == 0) {
		bi->dtb = (uint64_t)fdt;
	} else {
		ram.base = IMAGE_RAM_BASE;
		ram.size = FALLBACK_RAM_SIZE;
		bs_printf("bootstrap: %s, assuming 128 MiB of RAM at %x\n",
			  bs_fdt_valid(fdt) ? "no memory node in the device tree" :
					      "no device tree at 0x40000000",
			  ram.base);
	}
	bs_printf("bootstrap: entry '%s', %u modules, RAM %x-%x\n", bi->entry_name,
		  pl->nr_modules - 1, ram.base, ram.base + ram.size);

	ranges.ram_lo = ram.base;
	ranges.ram_hi = ram.base + ram.size;
	if ((uint64_t)__image_start < ranges.ram_lo || (uint64_t)__image_end > ranges.ram_hi)
		bs_fatal("bootstrap image %x-%x is outside RAM", (uint64_t)__image_start,
			 (uint64_t)__image_end);
	add_region(bi, ram.base, ram.base + ram.size, BOOTINFO_RAM);
	if (bi->dtb) {
		bs_range_add(&ranges, bi->dtb, bi->dtb + IMAGE_DTB_SIZE, "device tree");
		add_region(bi, bi->dtb, bi->dtb + IMAGE_DTB_SIZE, BOOTINFO_RESERVED);
	}
	bs_range_add(&ranges, (uint64_t)__image_start, (uint64_t)__image_end,
		     "bootstrap and payload");
	add_region(bi, (uint64_t)__image_start, (uint64_t)__image_end, BOOTINFO_BOOT);

	bs_elf_load(__payload_start + pl->modules[IMAGE_MOD_KERNEL].offset,
		    pl->modules[IMAGE_MOD_KERNEL].size, "kernel", &ranges, &kern);
	bs_elf_load(__payload_start + pl->modules[IMAGE_MOD_SIGMA0].offset,
		    pl->modules[IMAGE_MOD_SIGMA0].size, "sigma0", &ranges, &s0);
	bs_elf_load(__payload_start + pl->modules[IMAGE_MOD_ROOTTASK].offset,
		    pl->modules[IMAGE_MOD_ROOTTASK].size, "roottask", &ranges, &root);

	bi->kernel_start = PAGE_DOWN(kern.lo);
	bi->kernel_end = PAGE_UP(kern.hi);
	add_region(bi, kern.lo, kern.hi, BOOTINFO_KERNEL);
	add_region(bi, s0.lo, s0.hi, BOOTINFO_BOOT);
	add_region(bi, root.lo, root.hi, BOOTINFO_BOOT);

	fill_module(&bi->modules[BOOTINFO_MOD_SIGMA0], &pl->modules[IMAGE_MOD_SIGMA0], s0.entry);
	fill_module(&bi->modules[BOOTINFO_MOD_ROOTTASK], &pl->modules[IMAGE_MOD_ROOTTASK],
		    root.entry);
	for (i = IMAGE_MOD_FIRST_PLAIN; i < pl->nr_modules; i++)
		fill_module(&bi->modules[i - 1], &pl->modules[i], 0);
	bi->nr_modules = pl->nr_modules - 1;

	bs_dcache_clean((uint64_t)bi, (uint64_t)bi + sizeof(*bi));
	bs_icache_invalidate();
	bs_printf("bootstrap: starting kernel at %x\n", kern.entry_pa);
	bootstrap_enter_kernel(kern.entry_pa, (uint64_t)bi);
}

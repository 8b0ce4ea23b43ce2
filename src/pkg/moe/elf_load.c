// SPDX-License-Identifier: MIT
/*
 * ELF loading for moe: checks that a module is a static AArch64 ELF64
 * executable, copies its PT_LOAD segments into fresh memory (the rest of
 * each segment stays zero: that is .bss) and records one region per
 * segment.  All segments share one backing buffer spanning the image, so
 * a page that holds the end of one segment and the start of the next is
 * one page, with the union of both segments' rights.
 */
#include "moe.h"

#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/util/printf.h>
#include <l4/util/string.h>

/* The few ELF64 definitions the loader needs (System V gABI values). */
struct elf64_ehdr {
	unsigned char e_ident[16];
	uint16_t e_type, e_machine;
	uint32_t e_version;
	uint64_t e_entry, e_phoff, e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf64_phdr {
	uint32_t p_type, p_flags;
	uint64_t p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
};

_Static_assert(sizeof(struct elf64_ehdr) == 64, "ELF64 header");
_Static_assert(sizeof(struct elf64_phdr) == 56, "ELF64 program header");

#define ET_EXEC 2
#define EM_AARCH64 183
#define PT_LOAD 1
#define PF_X 1
#define PF_W 2
#define PF_R 4
#define MOE_IMAGE_MAX (256UL << 20)

static bool header_ok(const struct elf64_ehdr *eh, uint64_t size)
{
	if (size < sizeof(*eh) || memcmp(eh->e_ident, "\177ELF", 4) || eh->e_ident[4] != 2 ||
	    eh->e_ident[5] != 1)
		return false;
	if (eh->e_type != ET_EXEC || eh->e_machine != EM_AARCH64 ||
	    eh->e_phentsize != sizeof(struct elf64_phdr))
		return false;
	return eh->e_phoff < size &&
	       eh->e_phnum <= (size - eh->e_phoff) / sizeof(struct elf64_phdr);
}

static unsigned seg_rights(uint32_t flags)
{
	return (flags & PF_R ? L4_FPAGE_RO : 0) | (flags & PF_W ? L4_FPAGE_W : 0) |
	       (flags & PF_X ? L4_FPAGE_X : 0);
}

/* The page-rounded span of all PT_LOAD segments; false if one is bad. */
static bool image_span(const struct elf64_ehdr *eh, const struct elf64_phdr *ph, uint64_t size,
		       uint64_t *lo, uint64_t *hi)
{
	*lo = ~0ULL;
	*hi = 0;
	for (unsigned i = 0; i < eh->e_phnum; i++) {
		const struct elf64_phdr *p = &ph[i];

		if (p->p_type != PT_LOAD || !p->p_memsz)
			continue;
		if (p->p_filesz > p->p_memsz || p->p_offset > size ||
		    p->p_filesz > size - p->p_offset || p->p_vaddr + p->p_memsz < p->p_vaddr ||
		    p->p_vaddr + p->p_memsz > L4REC_USER_TOP)
			return false;
		if ((p->p_vaddr & L4_PAGEMASK) < *lo)
			*lo = p->p_vaddr & L4_PAGEMASK;
		if (l4_round_page(p->p_vaddr + p->p_memsz) > *hi)
			*hi = l4_round_page(p->p_vaddr + p->p_memsz);
	}
	return *lo < *hi && *hi - *lo <= MOE_IMAGE_MAX;
}

int moe_elf_load(struct moe_app *app, const void *image, uint64_t size)
{
	const struct elf64_ehdr *eh = image;
	const struct elf64_phdr *ph;
	uint64_t lo, hi;
	unsigned char *buf;

	if (!header_ok(eh, size))
		return -L4_EINVAL;
	ph = (const struct elf64_phdr *)((const char *)image + eh->e_phoff);
	if (!image_span(eh, ph, size, &lo, &hi))
		return -L4_EINVAL;
	buf = moe_alloc_pages(hi - lo);
	if (!buf)
		return -L4_ENOMEM;
	for (unsigned i = 0; i < eh->e_phnum; i++) {
		const struct elf64_phdr *p = &ph[i];
		uint64_t va = p->p_vaddr & L4_PAGEMASK;
		int err;

		if (p->p_type != PT_LOAD || !p->p_memsz)
			continue;
		memcpy(buf + (p->p_vaddr - lo), (const char *)image + p->p_offset, p->p_filesz);
		err = moe_app_add_region(app, va, l4_round_page(p->p_vaddr + p->p_memsz) - va,
					 seg_rights(p->p_flags), (uint64_t)buf + (va - lo));
		if (err < 0)
			return err;
	}
	app->entry = eh->e_entry;
	/*
	 * (L4ReC) No cache maintenance yet: QEMU does not model the split
	 * caches.  Real hardware needs dc cvau / ic ivau over the text here,
	 * which EL0 may only do once the kernel sets SCTLR_EL2.UCI.
	 */
	return 0;
}

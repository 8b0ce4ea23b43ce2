// SPDX-License-Identifier: MIT
/*
 * ELF header checks: a static little-endian ELF64 AArch64 executable whose
 * program headers and PT_LOAD segments lie inside the image and below the
 * user address limit.
 */
#include "loader_priv.h"

#include <l4/sys/consts.h>
#include <l4/sys/err.h>

long ldr_elf_check(struct ldr_image *img)
{
	const struct ldr_ehdr *eh = (const struct ldr_ehdr *)img->data;

	if (img->size < sizeof(*eh) || eh->e_ident[0] != 0x7f || eh->e_ident[1] != 'E' ||
	    eh->e_ident[2] != 'L' || eh->e_ident[3] != 'F' || eh->e_ident[4] != 2 ||
	    eh->e_ident[5] != 1)
		return -L4_EINVAL;
	if (eh->e_type != LDR_ET_EXEC || eh->e_machine != LDR_EM_AARCH64 ||
	    eh->e_phentsize != sizeof(struct ldr_phdr) || !eh->e_phnum)
		return -L4_EINVAL;
	if (eh->e_phoff >= img->size ||
	    eh->e_phnum > (img->size - eh->e_phoff) / sizeof(struct ldr_phdr))
		return -L4_EINVAL;
	img->eh = eh;
	img->ph = (const struct ldr_phdr *)(img->data + eh->e_phoff);
	img->phdr_vaddr = 0;
	for (unsigned i = 0; i < eh->e_phnum; i++) {
		const struct ldr_phdr *p = &img->ph[i];

		if (p->p_type == LDR_PT_PHDR)
			img->phdr_vaddr = p->p_vaddr;
		if (p->p_type != LDR_PT_LOAD)
			continue;
		if (p->p_filesz > p->p_memsz || p->p_offset > img->size ||
		    p->p_filesz > img->size - p->p_offset || p->p_vaddr + p->p_memsz < p->p_vaddr ||
		    p->p_vaddr + p->p_memsz > L4_LOADER_STACK_TOP - (16UL << 20))
			return -L4_EINVAL;
		if (!img->phdr_vaddr && eh->e_phoff >= p->p_offset &&
		    eh->e_phoff - p->p_offset < p->p_filesz)
			img->phdr_vaddr = p->p_vaddr + (eh->e_phoff - p->p_offset);
	}
	return 0;
}

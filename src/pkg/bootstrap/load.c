// SPDX-License-Identifier: MIT
/*
 * ELF loader: copies every PT_LOAD of an image in the payload to its
 * physical address (p_paddr) and zeroes the rest up to p_memsz.  Before
 * touching memory it checks each segment against the RAM bank and against
 * every range already in use (DTB, bootstrap with its payload, segments
 * loaded before); a conflict stops the boot with a message.
 */
#include "bootstrap.h"
#include "bootstrap/elf64.h"

void bs_range_add(struct bs_ranges *rs, uint64_t start, uint64_t end, const char *what)
{
	if (rs->n == BS_MAX_RANGES)
		bs_fatal("too many loaded segments");
	rs->r[rs->n].start = start;
	rs->r[rs->n].end = end;
	rs->r[rs->n].what = what;
	rs->n++;
}

static void check_segment(const struct bs_ranges *rs, const char *what, uint64_t start,
			  uint64_t size)
{
	uint64_t end = start + size;
	unsigned i;

	if (end < start || start < rs->ram_lo || end > rs->ram_hi)
		bs_fatal("%s: segment %x-%x outside RAM %x-%x", what, start, end, rs->ram_lo,
			 rs->ram_hi);
	for (i = 0; i < rs->n; i++)
		if (start < rs->r[i].end && rs->r[i].start < end)
			bs_fatal("%s: segment %x-%x overlaps %s at %x-%x", what, start, end,
				 rs->r[i].what, rs->r[i].start, rs->r[i].end);
}

void bs_elf_load(const unsigned char *img, uint64_t size, const char *what, struct bs_ranges *rs,
		 struct bs_loaded *out)
{
	struct elf64_ehdr eh;
	unsigned i, first = rs->n;
	int have_entry = 0;

	if (size < sizeof(eh))
		bs_fatal("%s: truncated ELF", what);
	memcpy(&eh, img, sizeof(eh));
	if (eh.e_ident[0] != 0x7f || eh.e_ident[1] != 'E' || eh.e_ident[2] != 'L' ||
	    eh.e_ident[3] != 'F' || eh.e_ident[ELF64_EI_CLASS] != ELF64_CLASS64 ||
	    eh.e_machine != ELF64_EM_AARCH64 || eh.e_phentsize != sizeof(struct elf64_phdr) ||
	    eh.e_phoff > size || (size - eh.e_phoff) / sizeof(struct elf64_phdr) < eh.e_phnum)
		bs_fatal("%s: not a valid AArch64 ELF64 executable", what);

	out->entry = eh.e_entry;
	out->lo = ~0ULL;
	out->hi = 0;
	/* Check everything first, then copy: a refused image writes nothing. */
	for (int pass = 0; pass < 2; pass++) {
		for (i = 0; i < eh.e_phnum; i++) {
			struct elf64_phdr ph;

			memcpy(&ph, img + eh.e_phoff + i * sizeof(ph), sizeof(ph));
			if (ph.p_type != ELF64_PT_LOAD || !ph.p_memsz)
				continue;
			if (pass == 0) {
				if (ph.p_filesz > ph.p_memsz ||
				    (ph.p_filesz &&
				     (ph.p_offset > size || size - ph.p_offset < ph.p_filesz)))
					bs_fatal("%s: segment %u truncated", what, i);
				check_segment(rs, what, ph.p_paddr, ph.p_memsz);
				bs_range_add(rs, ph.p_paddr, ph.p_paddr + ph.p_memsz, what);
				if (ph.p_paddr < out->lo)
					out->lo = ph.p_paddr;
				if (ph.p_paddr + ph.p_memsz > out->hi)
					out->hi = ph.p_paddr + ph.p_memsz;
				if (eh.e_entry >= ph.p_vaddr &&
				    eh.e_entry - ph.p_vaddr < ph.p_memsz) {
					out->entry_pa = eh.e_entry - ph.p_vaddr + ph.p_paddr;
					have_entry = 1;
				}
				continue;
			}
			memcpy((void *)ph.p_paddr, img + ph.p_offset, ph.p_filesz);
			memset((void *)(ph.p_paddr + ph.p_filesz), 0, ph.p_memsz - ph.p_filesz);
			bs_dcache_clean(ph.p_paddr, ph.p_paddr + ph.p_memsz);
		}
		if (pass == 0 && rs->n == first)
			bs_fatal("%s: no loadable segment", what);
		if (pass == 0 && !have_entry)
			bs_fatal("%s: entry %x not in a loadable segment", what, eh.e_entry);
	}
}

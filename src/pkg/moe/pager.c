// SPDX-License-Identifier: MIT
/*
 * moe as pager and exception handler of its programs.  A page fault inside
 * one of the program's regions is answered with a map item of the backing
 * page (the rights of every region covering the page); any other fault and
 * every exception stops the program: moe reports it and never answers, so
 * the faulting thread stays blocked while moe and the other programs go on.
 */
#include "moe.h"

#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/utcb.h>
#include <l4/util/printf.h>

/* Rights of all regions covering page va; backing address in *backing. */
static unsigned lookup(const struct moe_app *app, uint64_t va, uint64_t *backing)
{
	unsigned rights = 0;

	for (unsigned i = 0; i < app->nr_regions; i++) {
		const struct moe_region *r = &app->regions[i];

		if (va >= r->va && va - r->va < r->size) {
			if (!rights)
				*backing = r->backing + (va - r->va);
			rights |= r->rights;
		}
	}
	return rights;
}

bool moe_pager_fault(struct moe_app *app, l4_msgtag_t *reply)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	uint64_t pfa = m->mr[0] & ~7UL, pc = m->mr[1];
	uint64_t page = pfa & L4_PAGEMASK, backing = 0;
	bool write = m->mr[0] & 2, exec = m->mr[0] & 4;
	unsigned rights = lookup(app, page, &backing);

	if (!rights || (write && !(rights & L4_FPAGE_W)) || (exec && !(rights & L4_FPAGE_X))) {
		printf("moe: %s: unhandled page fault at %#lx pc %#lx (%s)\n", app->name, pfa, pc,
		       write ? "write" :
		       exec  ? "execute" :
			       "read");
		app->dead = true;
		return false;
	}
	m->mr[0] = l4_map_control(page, 0, 0);
	m->mr[1] = l4_fpage(backing, L4_PAGESHIFT, (unsigned char)rights).raw;
	*reply = l4_msgtag(0, 0, 1, 0);
	return true;
}

/* ESR_ELx.EC values a program can cause (Arm ARM, D17.2.37). */
static const char *ec_name(unsigned ec)
{
	switch (ec) {
	case 0x00:
		return "unknown reason (undefined instruction)";
	case 0x01:
		return "trapped WFI/WFE";
	case 0x07:
		return "FP/SIMD access trap";
	case 0x0e:
		return "illegal execution state";
	case 0x15:
		return "svc with a bad immediate";
	case 0x18:
		return "trapped system register access";
	case 0x20:
		return "instruction abort";
	case 0x22:
		return "pc alignment fault";
	case 0x24:
		return "data abort";
	case 0x26:
		return "sp alignment fault";
	case 0x2c:
		return "floating-point exception";
	case 0x30:
		return "breakpoint";
	case 0x32:
		return "software step";
	case 0x34:
		return "watchpoint";
	case 0x3c:
		return "brk instruction";
	case 0x3e:
		return "exception triggered by ex_regs";
	default:
		return "exception";
	}
}

bool moe_pager_exception(struct moe_app *app, l4_msgtag_t *reply)
{
	l4_exc_regs_t *e = l4_utcb_exc();
	unsigned ec = (unsigned)(e->err >> 26) & 0x3f;

	(void)reply;
	printf("moe: %s: %s (ec %#x) at pc %#lx, far %#lx; program stopped\n", app->name,
	       ec_name(ec), ec, e->pc, e->pfa);
	app->dead = true;
	return false;
}

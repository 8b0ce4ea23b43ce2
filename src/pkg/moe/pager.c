// SPDX-License-Identifier: MIT
/*
 * A region map as pager and exception handler of its task's threads.  A
 * page fault inside a region with the needed rights is answered with a
 * map item of the backing page; any other fault and every exception stops
 * the thread: moe reports it by the region map's name and never answers,
 * so the thread stays blocked while moe and the other programs go on.
 */
#include "moe.h"

#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/utcb.h>
#include <l4/util/printf.h>

bool moe_pager_fault(int rm, l4_msgtag_t *reply)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	uint64_t pfa = m->mr[0] & ~7UL, pc = m->mr[1], page = pfa & L4_PAGEMASK, addr = 0;
	bool write = m->mr[0] & 2, exec = m->mr[0] & 4;
	struct moe_foreign_page fp;
	unsigned rights;

	if (moe_rm_foreign(rm, page, &fp))
		return moe_foreign_fault(rm, &fp, m->mr[0], pc, reply);
	rights = moe_rm_lookup(rm, page, &addr);
	if (!(rights & L4_FPAGE_RO) || (write && !(rights & L4_FPAGE_W)) ||
	    (exec && !(rights & L4_FPAGE_X))) {
		printf("moe: %s: unhandled page fault at %#lx pc %#lx (%s)\n", moe_obj(rm)->rm.name,
		       pfa, pc,
		       write ? "write" :
		       exec  ? "execute" :
			       "read");
		moe_obj(rm)->rm.dead = true;
		return false;
	}
	/*
	 * Boot modules reach moe through sigma0's 1:1 mappings only once moe
	 * touches them, and the kernel skips pages absent in the source:
	 * touch the page first, or the child would fault forever.
	 */
	(void)*(volatile const char *)(addr & L4_PAGEMASK);
	m->mr[0] = l4_map_control(page, 0, 0);
	m->mr[1] = l4_fpage(addr & L4_PAGEMASK, L4_PAGESHIFT, (unsigned char)rights).raw;
	*reply = l4_msgtag(0, 0, 1, 0);
	return true;
}

/* ESR_ELx.EC values a program can cause (Arm ARM, D17.2.37). */
static const char *ec_name(unsigned ec)
{
	switch (ec) {
	case 0x00:
		return "undefined instruction";
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
	case 0x3c:
		return "brk instruction";
	case 0x3e:
		return "exception triggered by ex_regs";
	default:
		return "exception";
	}
}

bool moe_pager_exception(int rm, l4_msgtag_t *reply)
{
	l4_exc_regs_t *e = l4_utcb_exc();
	unsigned ec = (unsigned)(e->err >> 26) & 0x3f;

	(void)reply;
	printf("moe: %s: %s (ec %#x) at pc %#lx, far %#lx; program stopped\n", moe_obj(rm)->rm.name,
	       ec_name(ec), ec, e->pc, e->pfa);
	moe_obj(rm)->rm.dead = true;
	return false;
}

// SPDX-License-Identifier: MIT
/*
 * Regions backed by dataspaces other servers serve (io's device memory,
 * for one), paged in two stages as in L4Re: on a fault moe asks the
 * dataspace's server for the page (Dataspace MAP with a one-page receive
 * window in moe's own space), then maps that page on to the faulting task
 * in the page-fault reply.  The reply's map item keeps the source's
 * attributes (cache field 0), so device memory stays uncached.
 *
 * Every foreign region has its own window in moe's space, never shared:
 * receiving a page replaces what the window held and revokes everything
 * derived from it, so one window per page of every region keeps the
 * mappings of other pages alive.  Windows come from a range far above
 * moe's 1:1 RAM and are never reused (64 TiB of address space).
 *
 * moe is single-threaded, and the server may itself be waiting for moe
 * (a page fault, an allocation): the call therefore has timeouts.  When
 * the server does not answer in time the fault is answered without a
 * mapping, the thread faults again, and by then moe has served the server.
 */
#include "moe.h"

#include <l4/re/c/dataspace.h>
#include <l4/re/c/rm.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/protocols.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/ipc.h>
#include <l4/sys/task.h>
#include <l4/util/printf.h>

#define MOE_FOREIGN_WIN_START 0x0000400000000000ULL
#define MOE_FOREIGN_WIN_END 0x0000800000000000ULL
/* Long enough for any server that is not itself waiting for moe. */
#define MOE_FOREIGN_SEND_US 20000
#define MOE_FOREIGN_RECV_US 1000000

static uint64_t win_next = MOE_FOREIGN_WIN_START;

uint64_t moe_foreign_window(uint64_t size)
{
	uint64_t w = win_next;

	if (size > MOE_FOREIGN_WIN_END - w)
		return 0;
	win_next += size;
	return w;
}

void moe_foreign_drop_cap(l4_cap_idx_t fds)
{
	l4_task_release_cap(L4_BASE_TASK_CAP, fds);
	l4re_util_cap_free(fds);
}

void moe_foreign_release(l4_cap_idx_t fds, uint64_t win, uint64_t size)
{
	/* Revokes the window's pages from moe and from every task they went to. */
	for (uint64_t a = win; a < win + size; a += L4_PAGESIZE)
		l4_task_unmap(L4_BASE_TASK_CAP, l4_fpage(a, L4_PAGESHIFT, L4_FPAGE_RWX),
			      L4_FP_ALL_SPACES);
	moe_foreign_drop_cap(fds);
}

/* Dataspace MAP of one page into the window; items received, or an error. */
static long ask_server(const struct moe_foreign_page *fp, unsigned rights)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	l4_buf_regs_t *b = l4_utcb_br_u(u);
	l4_msgtag_t tag;

	m->mr[0] = L4RE_DS_OP_MAP;
	m->mr[1] = fp->offs;
	m->mr[2] = rights;
	m->mr[3] = fp->win;
	m->mr[4] = fp->win;
	m->mr[5] = fp->win + L4_PAGESIZE - 1;
	b->bdr = 0;
	b->br[0] = L4_ITEM_MAP;
	b->br[1] = l4_fpage(fp->win, L4_PAGESHIFT, L4_FPAGE_RWX).raw;
	b->br[2] = 0;
	tag = l4_ipc_call(fp->fds, u, l4_msgtag(L4RE_PROTO_DATASPACE, 6, 0, 0),
			  l4_timeout(l4_timeout_from_us(MOE_FOREIGN_SEND_US),
				     l4_timeout_from_us(MOE_FOREIGN_RECV_US)));
	if (l4_msgtag_has_error(tag))
		return -(2000 + (long)l4_ipc_error(tag, u));
	if (l4_msgtag_label(tag) < 0)
		return l4_msgtag_label(tag);
	return l4_msgtag_items(tag) ? 0 : -L4_ENOENT;
}

bool moe_foreign_fault(int rm, const struct moe_foreign_page *fp, l4_umword_t pfa, l4_umword_t pc,
		       l4_msgtag_t *reply)
{
	bool write = pfa & 2, exec = pfa & 4;
	unsigned want = L4RE_DS_F_R | (write ? L4RE_DS_F_W : 0) | (exec ? L4RE_DS_F_X : 0);
	l4_msg_regs_t *m = l4_utcb_mr();
	uint64_t page = pfa & L4_PAGEMASK;
	long err;

	if (!(fp->rights & L4RE_RM_F_R) || (write && !(fp->rights & L4RE_RM_F_W)) ||
	    (exec && !(fp->rights & L4RE_RM_F_X))) {
		err = -L4_EPERM;
		goto unhandled;
	}
	/* Ask for what the region allows, so later write faults find the page writable. */
	err = ask_server(fp, (fp->rights & L4RE_RM_F_RWX) | want);
	if (err == -(2000 + L4_IPC_SETIMEOUT) || err == -(2000 + L4_IPC_RETIMEOUT)) {
		/* The server is busy (perhaps waiting for moe): let the thread fault again. */
		*reply = l4_msgtag(0, 0, 0, 0);
		return true;
	}
	if (err < 0)
		goto unhandled;
	m->mr[0] = l4_map_control(page, 0, 0);
	m->mr[1] = l4_fpage(fp->win, L4_PAGESHIFT, (unsigned char)(fp->rights & L4RE_RM_F_RWX)).raw;
	*reply = l4_msgtag(0, 0, 1, 0);
	return true;

unhandled:
	printf("moe: %s: unhandled page fault at %#lx pc %#lx (%s): dataspace server says %ld\n",
	       moe_obj(rm)->rm.name, pfa & ~7UL, pc,
	       write ? "write" :
	       exec  ? "execute" :
		       "read",
	       err);
	moe_obj(rm)->rm.dead = true;
	return false;
}

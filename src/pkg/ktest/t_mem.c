// SPDX-License-Identifier: MIT
/*
 * Memory cases: page faults resolved by a pager in ktest, recursive unmap
 * through a chain of tasks, grant, refused mappings into the kernel area,
 * and sigma0's protocol.  ktest's main thread is the pager of the child
 * threads here (through gates with distinct labels).
 */
#include "ktest.h"

#include <l4/sigma0/sigma0.h>
#include <l4/sys/ipc.h>
#include <l4/sys/task.h>

#define MAGIC1 0x1111222233334444L
#define MAGIC2 0x5555666677778888L
#define VB 0x30000000UL
#define VC 0x31000000UL

static volatile long step, val1, val2, go;

static l4_cap_idx_t pager_slot(void)
{
	return (l4_cap_idx_t)KT_CHILD_SLOT0 << L4_CAP_SHIFT;
}

/* A child task whose first cap slot is a gate to ktest's main thread. */
static l4_cap_idx_t child_with_pager(l4_umword_t label)
{
	l4_cap_idx_t t = kt_child_task(), g = kt_gate(L4_BASE_THREAD_CAP, label);

	if (!t || !g || kt_map_cap(t, g, L4_CAP_FPAGE_RW, pager_slot()) < 0)
		return 0;
	return t;
}

/* Waits for a page fault; returns the fault address or 0. */
static l4_addr_t wait_fault_ms(l4_umword_t want_label, unsigned ms)
{
	l4_umword_t label;
	l4_msgtag_t tag;

	l4_utcb_br()->br[0] = 0;
	tag = l4_ipc_wait(l4_utcb(), &label, kt_rcv_timeout_ms(ms));
	if (l4_msgtag_has_error(tag) || l4_msgtag_label(tag) != L4_PROTO_PAGE_FAULT ||
	    label != want_label)
		return 0;
	return l4_utcb_mr()->mr[0] & ~7UL;
}

static l4_addr_t wait_fault(l4_umword_t want_label)
{
	return wait_fault_ms(want_label, 2000);
}

static long reply_map(void *page, l4_addr_t dst)
{
	l4_msg_regs_t *m = l4_utcb_mr();

	m->mr[0] = l4_map_control(dst, 0, 0);
	m->mr[1] = l4_fpage((l4_addr_t)page, L4_PAGESHIFT, L4_FPAGE_RW).raw;
	return l4_error(l4_ipc(L4_INVALID_CAP, l4_utcb(), L4_SYSF_SEND | L4_SYSF_REPLY, 0,
			       l4_msgtag(0, 0, 1, 0), NULL, L4_IPC_NEVER));
}

static void reader(l4_umword_t addr)
{
	val1 = *(volatile long *)addr;
	step = 1;
	while (!go)
		kt_sleep_ms(1);
	val2 = *(volatile long *)addr;
	step = 2;
}

static const char *pf_pager(void)
{
	l4_cap_idx_t t = child_with_pager(0x40);
	long *page = kt_page();
	l4_addr_t pfa;

	step = val1 = val2 = 0;
	go = 1;
	KT_CHECK(t && page, "setup failed (%ld)", kt_err);
	page[2] = MAGIC1;
	KT_CHECK(kt_thread_in(t, 0, reader, 0x20000010, KT_HELPER_PRIO, pager_slot(),
			      L4_INVALID_CAP),
		 "thread failed (%ld)", kt_err);
	pfa = wait_fault(0x41);
	KT_CHECK(pfa == 0x20000010, "fault at %#lx, expected 0x20000010", pfa);
	KT_CHECK(reply_map(page, 0x20000000) == 0, "reply failed");
	KT_CHECK(kt_wait_eq(&step, 2, 2000), "child did not continue (step %ld)", step);
	KT_CHECK(val1 == MAGIC1 && val2 == MAGIC1, "child read %#lx", val1);
	return NULL;
}

static const char *map_unmap_recursive(void)
{
	l4_cap_idx_t b = kt_child_task(), c = child_with_pager(0x50);
	long *p1 = kt_page(), *p2 = kt_page();
	long e;

	step = val1 = val2 = go = 0;
	KT_CHECK(b && c && p1 && p2, "setup failed (%ld)", kt_err);
	p1[0] = MAGIC1;
	p2[0] = MAGIC2;
	KT_CHECK(kt_map_page(b, p1, L4_FPAGE_RW, VB) == 0, "A->B map failed");
	e = l4_error(l4_task_map(c, b, l4_fpage(VB, L4_PAGESHIFT, L4_FPAGE_RW),
				 l4_map_control(VC, 0, 0)));
	KT_CHECK(e == 0, "B->C map: %ld", e);
	KT_CHECK(kt_thread_in(c, 0, reader, VC, KT_HELPER_PRIO, pager_slot(), L4_INVALID_CAP),
		 "thread failed (%ld)", kt_err);
	KT_CHECK(kt_wait_eq(&step, 1, 2000), "C did not read (step %ld)", step);
	KT_CHECK(val1 == MAGIC1, "C read %#lx before the unmap", val1);
	e = l4_error(l4_task_unmap(L4_BASE_TASK_CAP,
				   l4_fpage((l4_addr_t)p1, L4_PAGESHIFT, L4_FPAGE_RWX),
				   L4_FP_OTHER_SPACES));
	KT_CHECK(e == 0, "unmap: %ld", e);
	go = 1;
	KT_CHECK(wait_fault(0x51) == VC, "no page fault of C at %#lx after the unmap", VC);
	KT_CHECK(reply_map(p2, VC) == 0, "reply failed");
	KT_CHECK(kt_wait_eq(&step, 2, 2000), "C did not continue");
	KT_CHECK(val2 == MAGIC2, "C read %#lx after the unmap", val2);
	KT_CHECK(p1[0] == MAGIC1, "A lost its own page");
	return NULL;
}

static volatile long c_val, c_done;

static void once_reader(l4_umword_t addr)
{
	c_val = *(volatile long *)addr;
	c_done = 1;
}

static const char *grant_moves(void)
{
	l4_cap_idx_t b = child_with_pager(0x60), c = child_with_pager(0x70);
	long *p1 = kt_page(), *p2 = kt_page();
	long e;

	c_val = c_done = 0;
	step = val1 = 0;
	go = 1;
	KT_CHECK(b && c && p1 && p2, "setup failed (%ld)", kt_err);
	p1[0] = MAGIC1;
	KT_CHECK(kt_map_page(b, p1, L4_FPAGE_RW, VB) == 0, "A->B map failed");
	e = l4_error(l4_task_map(c, b, l4_fpage(VB, L4_PAGESHIFT, L4_FPAGE_RW),
				 l4_map_control(VC, 0, L4_MAP_ITEM_GRANT)));
	KT_CHECK(e == 0, "B->C grant: %ld", e);
	KT_CHECK(kt_thread_in(c, 0, once_reader, VC, KT_HELPER_PRIO, pager_slot(), L4_INVALID_CAP),
		 "C thread failed (%ld)", kt_err);
	KT_CHECK(kt_wait_eq(&c_done, 1, 2000), "C faulted or hung reading the granted page");
	KT_CHECK(c_val == MAGIC1, "C read %#lx", c_val);
	KT_CHECK(kt_thread_in(b, 0, reader, VB, KT_HELPER_PRIO, pager_slot(), L4_INVALID_CAP),
		 "B thread failed (%ld)", kt_err);
	KT_CHECK(wait_fault(0x61) == VB, "B still has the page after granting it");
	KT_CHECK(reply_map(p2, VB) == 0, "reply failed");
	return NULL;
}

static void kip_reader(l4_umword_t arg)
{
	(void)arg;
	c_val = (long)l4_kip()->magic;
	c_done = 1;
}

static const char *map_kernel_area(void)
{
	l4_cap_idx_t t = child_with_pager(0x80);
	long *p = kt_page();

	c_val = c_done = 0;
	KT_CHECK(t && p, "setup failed (%ld)", kt_err);
	p[0] = 0x1234;
	/* Both must be refused (error or silently); the kernel must survive. */
	(void)kt_map_page(t, p, L4_FPAGE_RW, L4REC_USER_TOP + 0x10000);
	(void)kt_map_page(t, p, L4_FPAGE_RW, L4REC_KIP_ADDR);
	(void)kt_map_page(t, p, L4_FPAGE_RW, ~0UL & L4_PAGEMASK);
	KT_CHECK(kt_thread_in(t, 0, kip_reader, 0, KT_HELPER_PRIO, pager_slot(), L4_INVALID_CAP),
		 "thread failed (%ld)", kt_err);
	KT_CHECK(kt_wait_eq(&c_done, 1, 2000), "child could not read its KIP");
	KT_CHECK(c_val == L4_KERNEL_INFO_MAGIC, "child's KIP was replaced (magic %#lx)", c_val);
	return NULL;
}

static const char *map_bad_fpage(void)
{
	l4_cap_idx_t t = kt_child_task();
	long *p = kt_page();
	long e;

	KT_CHECK(t && p, "setup failed (%ld)", kt_err);
	/* Order 11 is below the page size: invalid, nothing may happen. */
	e = l4_error(l4_task_map(t, L4_BASE_TASK_CAP, l4_fpage((l4_addr_t)p, 11, L4_FPAGE_RW),
				 l4_map_control(0x20000000, 0, 0)));
	KT_CHECK(e == 0 || e == -L4_EINVAL, "order 11: %ld", e);
	/* A source range ktest does not have: skipped, no error required. */
	e = l4_error(l4_task_map(t, L4_BASE_TASK_CAP, l4_fpage(0x5000000000UL, 12, L4_FPAGE_RW),
				 l4_map_control(0x20000000, 0, 0)));
	KT_CHECK(e == 0 || e < 0, "unreachable");
	/* Mapping an object fpage naming a huge index: refused or skipped. */
	e = l4_error(l4_task_map(t, L4_BASE_TASK_CAP,
				 l4_obj_fpage(0xfffffffffUL << L4_CAP_SHIFT, 0, L4_CAP_FPAGE_RW),
				 l4_map_obj_control(0x40UL << L4_CAP_SHIFT, 0)));
	KT_CHECK(e <= 0, "huge cap index: %ld", e);
	KT_CHECK(l4_msgtag_label(l4_task_cap_valid(t, 0x40UL << L4_CAP_SHIFT)) == 0,
		 "something was mapped from a huge cap index");
	return NULL;
}

static const char *sigma0_ram_twice(void)
{
	l4_addr_t phys = 0;
	int e = l4sigma0_map_anypage(L4_BASE_PAGER_CAP, 0x2d000000, L4_PAGESHIFT, &phys,
				     L4_PAGESHIFT);

	KT_CHECK(e == 0, "map_anypage: %d", e);
	KT_CHECK(phys && !(phys & (L4_PAGESIZE - 1)), "physical address %#lx", phys);
	*(volatile long *)0x2d000000 = 1; /* the page is there and writable */
	e = l4sigma0_map_mem(L4_BASE_PAGER_CAP, phys, 0x2d001000, L4_PAGESIZE);
	KT_CHECK(e == -L4SIGMA0_NOFPAGE, "second request for %#lx: %d", phys, e);
	e = l4sigma0_map_mem(L4_BASE_PAGER_CAP, 0x40100000, 0x2d002000, L4_PAGESIZE);
	KT_CHECK(e == -L4SIGMA0_NOFPAGE, "kernel image page handed out: %d", e);
	return NULL;
}

/*
 * The KIP page sigma0 sends is checked from a child: touching a window the
 * kernel left empty would fault ktest itself, and sigma0 would refuse that.
 */
static const char *sigma0_kip(void)
{
	l4_cap_idx_t t = child_with_pager(0xb0);
	l4_kernel_info_t *k = l4sigma0_map_kip(L4_BASE_PAGER_CAP, (void *)0x2c000000, 12);

	c_val = c_done = 0;
	KT_CHECK(t, "setup failed (%ld)", kt_err);
	KT_CHECK(k == (void *)0x2c000000, "no KIP mapping (%p)", (void *)k);
	KT_CHECK(l4_error(l4_task_map(t, L4_BASE_TASK_CAP,
				      l4_fpage(0x2c000000, L4_PAGESHIFT, L4_FPAGE_RO),
				      l4_map_control(0x2c000000, 0, 0))) == 0,
		 "map to child failed");
	KT_CHECK(kt_thread_in(t, 0, once_reader, 0x2c000000, KT_HELPER_PRIO, pager_slot(),
			      L4_INVALID_CAP),
		 "thread failed (%ld)", kt_err);
	if (wait_fault_ms(0xb1, 200))
		return kt_fail("sigma0's KIP item did not arrive: the window is empty");
	KT_CHECK(kt_wait_eq(&c_done, 1, 1000), "child did not read");
	KT_CHECK(c_val == L4_KERNEL_INFO_MAGIC, "magic %#lx", c_val);
	return NULL;
}

static volatile long id0, id1;

static void pl031_id_reader(l4_umword_t base)
{
	id0 = *(volatile uint32_t *)(base + 0xfe0) & 0xff;
	id1 = *(volatile uint32_t *)(base + 0xff0) & 0xff;
	c_done = 1;
}

/*
 * Like sigma0_kip: the device page is checked from a child.  The device is
 * the PL031 RTC (the PL011 UART is the kernel's console, never handed out).
 */
static const char *sigma0_iomem(void)
{
	l4_cap_idx_t t = child_with_pager(0xc0);
	int e = l4sigma0_map_iomem(L4_BASE_PAGER_CAP, 0x09010000, 0x2b000000, L4_PAGESIZE, 0);

	c_done = id0 = id1 = 0;
	KT_CHECK(t, "setup failed (%ld)", kt_err);
	KT_CHECK(e == 0, "map PL031: %d", e);
	KT_CHECK(l4_error(l4_task_map(t, L4_BASE_TASK_CAP,
				      l4_fpage(0x2b000000, L4_PAGESHIFT, L4_FPAGE_RW),
				      l4_map_control(0x2b000000, 0, 0))) == 0,
		 "map to child failed");
	KT_CHECK(kt_thread_in(t, 0, pl031_id_reader, 0x2b000000, KT_HELPER_PRIO, pager_slot(),
			      L4_INVALID_CAP),
		 "thread failed (%ld)", kt_err);
	if (wait_fault_ms(0xc1, 200))
		return kt_fail("sigma0's I/O memory item did not arrive: the window is empty");
	KT_CHECK(kt_wait_eq(&c_done, 1, 1000), "child did not read");
	/* PrimeCell identification registers: reading them has no effect. */
	KT_CHECK(id0 == 0x31 && id1 == 0x0d, "RTCPeriphID0 %#lx RTCPCellID0 %#lx", id0, id1);
	e = l4sigma0_map_iomem(L4_BASE_PAGER_CAP, 0x40000000, 0x2b001000, L4_PAGESIZE, 0);
	KT_CHECK(e == -L4SIGMA0_NOFPAGE, "RAM handed out as I/O memory: %d", e);
	return NULL;
}

const struct kt_case kt_mem_cases[] = {
	{ "pf_pager", pf_pager },
	{ "map_unmap_recursive", map_unmap_recursive },
	{ "grant_moves", grant_moves },
	{ "map_kernel_area", map_kernel_area },
	{ "map_bad_fpage", map_bad_fpage },
	{ "sigma0_ram_twice", sigma0_ram_twice },
	{ "sigma0_kip", sigma0_kip },
	{ "sigma0_iomem", sigma0_iomem },
	{ NULL, NULL },
};

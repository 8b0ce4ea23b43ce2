// SPDX-License-Identifier: MIT
/*
 * sigma0's protocol (docs/abi.md §13) and the page faults of its clients
 * (§8).  Every answer is either one map item or a refusal: a negative
 * label and no items, which the l4sigma0_* client functions report as
 * -L4SIGMA0_NOFPAGE.  Memory is RAM first come, first served; device
 * memory is not tracked (io will own it once it exists).
 */
#include "sigma0.h"

#include <l4/sigma0/sigma0.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/ipc.h>
#include <l4/sys/kip.h>
#include <l4/util/printf.h>

/* New client gates go to these slots; labels id << 4 (low bits: rights). */
#define S0_CLIENT_CAP_FIRST 0x40
#define S0_CLIENT_CAP_LAST 0x3ff
/* The root task's gate carries label 4 << 4 (docs/abi.md §12). */
#define S0_FIRST_NEW_ID 5

static unsigned next_client = S0_CLIENT_CAP_FIRST;

static l4_msgtag_t refuse(long err)
{
	return l4_msgtag(err, 0, 0, 0);
}

/* One map item: fpage of sigma0's (1:1) space, landing at snd_base. */
static l4_msgtag_t map_item(uint64_t snd_base, l4_fpage_t fp, unsigned cache)
{
	l4_msg_regs_t *m = l4_utcb_mr();

	m->mr[0] = l4_map_control(snd_base, (unsigned char)cache, 0);
	m->mr[1] = fp.raw;
	return l4_msgtag(0, 0, 1, 0);
}

static l4_msgtag_t page_fault(l4_umword_t label)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	uint64_t pfa = m->mr[0] & ~7UL;
	uint64_t pc = m->mr[1];
	uint64_t page = pfa & L4_PAGEMASK;

	switch (s0_mem_kind(page)) {
	case S0_BOOT:
		break;
	case S0_FREE:
		if (s0_mem_take_range(page, L4_PAGESIZE))
			break;
		/* fall through */
	default:
		printf("sigma0: client %#lx: unresolvable page fault at %#lx pc %#lx\n", label, pfa,
		       pc);
		return refuse(-L4_ENOMEM);
	}
	return map_item(page, l4_fpage(page, L4_PAGESHIFT, L4_FPAGE_RWX), 0);
}

/* A memory fpage a client asks for: aligned, at least a page, sane size. */
static bool want_ok(l4_fpage_t fp, uint64_t *pa, uint64_t *size)
{
	unsigned order = l4_fpage_size(fp);

	if (l4_fpage_type(fp) != L4_FPAGE_MEMORY || order < L4_PAGESHIFT || order > 40)
		return false;
	*size = 1ULL << order;
	*pa = l4_fpage_memaddr(fp);
	return (*pa & (*size - 1)) == 0;
}

static l4_msgtag_t req_ram(l4_fpage_t fp)
{
	uint64_t pa, size;

	if (!want_ok(fp, &pa, &size))
		return refuse(-L4_ENOMEM);
	/* The device tree, for io: anyone may read it, nobody may own it. */
	if (s0_mem_is_firmware_range(pa, size))
		return map_item(pa, l4_fpage(pa, l4_fpage_size(fp), L4_FPAGE_RO), 0);
	if (!s0_mem_take_range(pa, size))
		return refuse(-L4_ENOMEM);
	return map_item(pa, l4_fpage(pa, l4_fpage_size(fp), L4_FPAGE_RWX), 0);
}

static l4_msgtag_t req_any(l4_fpage_t fp)
{
	unsigned order = l4_fpage_size(fp);
	uint64_t pa;

	if (order < L4_PAGESHIFT || order > 40 || !s0_mem_take_any(order, &pa))
		return refuse(-L4_ENOMEM);
	return map_item(pa, l4_fpage(pa, order, L4_FPAGE_RWX), 0);
}

/*
 * At most 1 GiB of device memory per request: the kernel materialises
 * sigma0's pages of a range one by one when it maps them, so a request
 * for all of the device space above RAM (up to 2^48) would keep it busy
 * for hours.  Device windows are smaller; larger ones take more requests.
 */
#define IOMEM_MAX_ORDER 30

static l4_msgtag_t req_iomem(l4_fpage_t fp, bool cached)
{
	uint64_t pa, size;

	if (!want_ok(fp, &pa, &size) || l4_fpage_size(fp) > IOMEM_MAX_ORDER ||
	    !s0_mem_is_device_range(pa, size) || pa + size > L4REC_USER_TOP)
		return refuse(-L4_ENOMEM);
	return map_item(pa, l4_fpage(pa, l4_fpage_size(fp), L4_FPAGE_RW),
			cached ? L4_FPAGE_CACHEABLE : L4_FPAGE_UNCACHEABLE);
}

static l4_msgtag_t req_kip(void)
{
	return map_item(L4REC_KIP_ADDR, l4_fpage(L4REC_KIP_ADDR, L4_PAGESHIFT, L4_FPAGE_RX), 0);
}

static l4_msgtag_t req_new_client(void)
{
	l4_cap_idx_t cap = (l4_cap_idx_t)next_client << L4_CAP_SHIFT;
	l4_umword_t id = next_client - S0_CLIENT_CAP_FIRST + S0_FIRST_NEW_ID;
	l4_msg_regs_t *m = l4_utcb_mr();
	long err;

	if (next_client > S0_CLIENT_CAP_LAST)
		return refuse(-L4_ENOMEM);
	err = l4_error(
		l4_factory_create_gate(L4_BASE_FACTORY_CAP, cap, L4_BASE_THREAD_CAP, id << 4));
	if (err < 0)
		return refuse(err);
	next_client++;
	m->mr[0] = l4_map_obj_control(0, 0);
	m->mr[1] = l4_obj_fpage(cap, 0, L4_CAP_FPAGE_RWS).raw;
	return l4_msgtag(0, 0, 1, 0);
}

static l4_msgtag_t debug_dump(void)
{
	uint64_t ram, free_bytes;

	s0_mem_stats(&ram, &free_bytes);
	printf("sigma0: RAM %lu MiB, %lu KiB free, %u clients\n", ram >> 20, free_bytes >> 10,
	       next_client - S0_CLIENT_CAP_FIRST + 1);
	return l4_msgtag(0, 0, 0, 0);
}

static l4_msgtag_t sigma0_request(l4_msgtag_t tag)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	l4_umword_t req = m->mr[0];
	l4_fpage_t fp = { .raw = m->mr[1] };

	if (l4_msgtag_words(tag) < 1 || !SIGMA0_IS_MAGIC_REQ(req))
		return refuse(-L4_EINVAL);
	if (l4_msgtag_words(tag) < 2 &&
	    (req == SIGMA0_REQ_FPAGE_RAM || req == SIGMA0_REQ_FPAGE_ANY ||
	     req == SIGMA0_REQ_FPAGE_IOMEM || req == SIGMA0_REQ_FPAGE_IOMEM_CACHED))
		return refuse(-L4_EINVAL);
	switch (req & SIGMA0_REQ_ID_MASK) {
	case SIGMA0_REQ_ID_FPAGE_RAM:
		return req_ram(fp);
	case SIGMA0_REQ_ID_FPAGE_ANY:
		return req_any(fp);
	case SIGMA0_REQ_ID_FPAGE_IOMEM:
		return req_iomem(fp, false);
	case SIGMA0_REQ_ID_FPAGE_IOMEM_CACHED:
		return req_iomem(fp, true);
	case SIGMA0_REQ_ID_KIP:
		return req_kip();
	case SIGMA0_REQ_ID_DEBUG_DUMP:
		return debug_dump();
	case SIGMA0_REQ_ID_NEW_CLIENT:
		return req_new_client();
	default:
		return refuse(-L4_ENOSYS);
	}
}

l4_msgtag_t s0_handle(l4_msgtag_t tag, l4_umword_t label)
{
	switch (l4_msgtag_label(tag)) {
	case L4_PROTO_PAGE_FAULT:
		if (l4_msgtag_words(tag) < 2)
			return refuse(-L4_EINVAL);
		return page_fault(label);
	case L4_PROTO_SIGMA0:
		return sigma0_request(tag);
	default:
		return refuse(-L4_EBADPROTO);
	}
}

// SPDX-License-Identifier: MIT
/* The virtio environment over io's capabilities (see <l4/virtio/virtio_io.h>). */
#include <stdio.h>

#include <l4/io/vbus.h>
#include <l4/re/c/dataspace.h>
#include <l4/re/c/mem_alloc.h>
#include <l4/re/c/rm.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/re/env_cap.h>
#include <l4/sys/err.h>
#include <l4/sys/ipc.h>
#include <l4/sys/irq.h>
#include <l4/sys/kip.h>
#include <l4/virtio/virtio_io.h>

static int dma_alloc(void *ctx, size_t size, size_t align, struct virtio_dma *out)
{
	struct virtio_io *v = ctx;
	l4_cap_idx_t ds = l4re_util_cap_alloc();
	l4_addr_t phys;
	l4_size_t contig;
	void *va = NULL;

	(void)align; /* dataspaces start on a page: enough for align <= 4096 */
	size = l4_round_page(size);
	if (l4_is_invalid_cap(ds))
		return -L4_ENOMEM;
	if (l4re_ma_alloc_align_srv(v->iomem, (long)size, ds, L4RE_MA_CONTINUOUS | L4RE_MA_PINNED,
				    L4_PAGESHIFT) < 0)
		goto free_slot;
	if (l4re_rm_attach(&va, size, L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW, ds, 0, L4_PAGESHIFT) <
	    0)
		goto free_ds;
	if (l4re_ds_phys(ds, 0, &phys, &contig) < 0 || contig < size)
		goto detach;
	out->virt = va;
	out->phys = phys;
	out->size = size;
	return 0;

detach:
	l4re_rm_detach(va);
free_ds:
	l4re_ma_free_srv(v->iomem, ds);
free_slot:
	l4re_util_cap_free_um(ds);
	return -L4_ENOMEM;
}

static int irq_wait(void *ctx, uint64_t timeout_us)
{
	struct virtio_io *v = ctx;
	l4_msgtag_t tag;

	tag = l4_irq_receive(v->irq,
			     l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us(timeout_us)));
	return l4_msgtag_has_error(tag) ? (int)l4_error(tag) : 0;
}

static uint64_t now_us(void *ctx)
{
	(void)ctx;
	return l4_kip_clock(l4re_kip());
}

static l4_cap_idx_t cap_of(const char *who, const char *var)
{
	l4_cap_idx_t c = l4re_env_get_cap_by_envvar(var);

	if (l4_is_invalid_cap(c))
		printf("%s: %s: %s\n", who, var,
		       l4re_env_cap_error(c) == -L4_ENOENT ? "not set in the environment" :
							     "no such capability");
	return c;
}

/* The register offset in io's dataspace, retrying while io is not up yet. */
static long reg_offset(l4_cap_idx_t mmio, uint64_t wait_us)
{
	uint64_t deadline = now_us(NULL) + wait_us;
	long r;

	while ((r = l4rec_io_reg_offset(mmio)) == -(L4_EIPC_LO + L4_IPC_ENOT_EXISTENT) &&
	       now_us(NULL) < deadline)
		l4_ipc_sleep(l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_from_us(10000)));
	return r;
}

int virtio_io_open(struct virtio_io *v, const char *who, const char *mmio_var, const char *irq_var,
		   const char *iomem_var, l4_umword_t irq_label, uint64_t io_wait_us)
{
	void *va = NULL;
	long offs, err;

	v->mmio = cap_of(who, mmio_var);
	v->irq = cap_of(who, irq_var);
	v->iomem = cap_of(who, iomem_var);
	if (l4_is_invalid_cap(v->mmio) || l4_is_invalid_cap(v->irq) || l4_is_invalid_cap(v->iomem))
		return -L4_ENODEV;
	offs = reg_offset(v->mmio, io_wait_us);
	if (offs < 0) {
		printf("%s: %s: not a device dataspace (%ld)\n", who, mmio_var, offs);
		return -L4_ENODEV;
	}
	err = l4re_rm_attach(&va, l4re_ds_size(v->mmio), L4RE_RM_F_SEARCH_ADDR | L4RE_RM_F_RW,
			     v->mmio, 0, L4_PAGESHIFT);
	if (err < 0) {
		printf("%s: %s: cannot map the registers (%ld)\n", who, mmio_var, err);
		return -L4_ENODEV;
	}
	err = l4_error(l4_irq_attach(v->irq, irq_label, l4re_env()->main_thread));
	if (err < 0) {
		printf("%s: %s: cannot attach (%ld)\n", who, irq_var, err);
		return -L4_ENODEV;
	}
	v->reg_offset = (unsigned long)offs;
	v->regs = (volatile char *)va + offs;
	v->env = (struct virtio_env){
		.ctx = v,
		.dma_alloc = dma_alloc,
		.irq_wait = irq_wait,
		.now_us = now_us,
	};
	return 0;
}

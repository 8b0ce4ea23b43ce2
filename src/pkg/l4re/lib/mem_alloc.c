// SPDX-License-Identifier: MIT
/*
 * Memory-allocator client stubs: factory creates on env->mem_alloc
 * (docs/runtime.md, "Memory allocator / factory"), plus free (dataspace
 * Release) and the L4ReC statistics call.
 */
#include <l4/re/c/mem_alloc.h>
#include <l4/re/protocols.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>

#include "msg.h"

long l4re_ma_alloc_align_srv(l4_cap_idx_t srv, long size, l4re_ds_t const mem, unsigned long flags,
			     unsigned long align)
{
	l4_utcb_t *u = l4_utcb();
	l4_msgtag_t t = l4_factory_create_start_u(L4RE_PROTO_DATASPACE, mem, u);

	l4_factory_create_add_uint_u((l4_umword_t)size, &t, u);
	l4_factory_create_add_uint_u(flags, &t, u);
	l4_factory_create_add_uint_u(align, &t, u);
	return l4_error_u(l4_factory_create_commit_u(srv, t, u), u);
}

long l4re_ma_free_srv(l4_cap_idx_t srv, l4re_ds_t const mem)
{
	l4_utcb_t *u = l4_utcb();
	long err;

	(void)srv;
	l4_utcb_mr_u(u)->mr[0] = L4RE_DS_OP_RELEASE;
	err = l4re_msg_call(mem, u, l4_msgtag(L4RE_PROTO_DATASPACE, 1, 0, 0));
	return err < 0 ? err : 0;
}

long l4re_ma_info_srv(l4_cap_idx_t srv, l4_umword_t *total, l4_umword_t *free_bytes)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *m = l4_utcb_mr_u(u);
	long err;

	m->mr[0] = L4REC_MA_OP_INFO;
	err = l4re_msg_call(srv, u, l4_msgtag(L4REC_PROTO_MEM_ALLOC, 1, 0, 0));
	if (err < 0)
		return err;
	if (total)
		*total = m->mr[0];
	if (free_bytes)
		*free_bytes = m->mr[1];
	return 0;
}

long l4re_ma_create_rm_srv(l4_cap_idx_t srv, l4_cap_idx_t cap, char const *name)
{
	l4_utcb_t *u = l4_utcb();
	l4_msgtag_t t = l4_factory_create_start_u(L4RE_PROTO_RM, cap, u);

	if (name)
		l4_factory_create_add_str_u(name, &t, u);
	return l4_error_u(l4_factory_create_commit_u(srv, t, u), u);
}

long l4re_ma_create_ns_srv(l4_cap_idx_t srv, l4_cap_idx_t cap)
{
	l4_utcb_t *u = l4_utcb();

	return l4_error_u(l4_factory_create_u(srv, L4RE_PROTO_NAMESPACE, cap, u), u);
}

long l4re_ma_create_log_srv(l4_cap_idx_t srv, l4_cap_idx_t cap, char const *name)
{
	l4_utcb_t *u = l4_utcb();
	l4_msgtag_t t = l4_factory_create_start_u(L4_PROTO_LOG, cap, u);

	l4_factory_create_add_str_u(name ? name : "", &t, u);
	return l4_error_u(l4_factory_create_commit_u(srv, t, u), u);
}

/* SPDX-License-Identifier: MIT */
/*
 * Task objects: an address space plus a capability table. Operations are
 * calls with label L4_PROTO_TASK and the opcode in MR0; see docs/abi.md.
 */
#ifndef L4_SYS_TASK_H
#define L4_SYS_TASK_H

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>
#include <l4/sys/ipc.h>

enum L4_task_ops {
	L4_TASK_MAP_OP = 0UL,
	L4_TASK_UNMAP_OP = 1UL,
	L4_TASK_CAP_INFO_OP = 2UL,
	L4_TASK_ADD_KU_MEM_OP = 3UL,
	L4_TASK_LDT_SET_X86_OP = 0x11UL,
	L4_TASK_MAP_VGICC_ARM_OP = 0x12UL,
};

/*
 * Map snd_fpage of src_task into dst_task (receive window: all of
 * dst_task). The source task travels as an object item so the kernel can
 * check the caller's right to it.
 */
L4_INLINE l4_msgtag_t l4_task_map_u(l4_cap_idx_t dst_task, l4_cap_idx_t src_task,
				    l4_fpage_t snd_fpage, l4_umword_t snd_base, l4_utcb_t *u)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(u);

	v->mr[0] = L4_TASK_MAP_OP;
	v->mr[1] = snd_base;
	v->mr[2] = snd_fpage.raw;
	v->mr[3] = l4_map_obj_control(0, 0);
	v->mr[4] = l4_obj_fpage(src_task, 0, L4_CAP_FPAGE_RWS).raw;
	return l4_ipc_call(dst_task, u, l4_msgtag(L4_PROTO_TASK, 3, 1, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_task_map(l4_cap_idx_t dst_task, l4_cap_idx_t src_task,
				  l4_fpage_t snd_fpage, l4_umword_t snd_base)
{
	return l4_task_map_u(dst_task, src_task, snd_fpage, snd_base, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_task_unmap_u(l4_cap_idx_t task, l4_fpage_t fpage, l4_umword_t map_mask,
				      l4_utcb_t *u)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(u);

	v->mr[0] = L4_TASK_UNMAP_OP;
	v->mr[1] = map_mask;
	v->mr[2] = fpage.raw;
	return l4_ipc_call(task, u, l4_msgtag(L4_PROTO_TASK, 3, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_task_unmap(l4_cap_idx_t task, l4_fpage_t fpage, l4_umword_t map_mask)
{
	return l4_task_unmap_u(task, fpage, map_mask, l4_utcb());
}

/* Caller keeps num_fpages <= L4_UTCB_GENERIC_DATA_SIZE - 2. */
L4_INLINE l4_msgtag_t l4_task_unmap_batch_u(l4_cap_idx_t task, l4_fpage_t const *fpages,
					    unsigned num_fpages, l4_umword_t map_mask, l4_utcb_t *u)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(u);
	unsigned i;

	v->mr[0] = L4_TASK_UNMAP_OP;
	v->mr[1] = map_mask;
	for (i = 0; i < num_fpages; ++i)
		v->mr[2 + i] = fpages[i].raw;
	return l4_ipc_call(task, u, l4_msgtag(L4_PROTO_TASK, 2 + num_fpages, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_task_unmap_batch(l4_cap_idx_t task, l4_fpage_t const *fpages,
					  unsigned num_fpages, l4_umword_t map_mask)
{
	return l4_task_unmap_batch_u(task, fpages, num_fpages, map_mask, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_task_delete_obj_u(l4_cap_idx_t task, l4_cap_idx_t obj, l4_utcb_t *u)
{
	return l4_task_unmap_u(task, l4_obj_fpage(obj, 0, L4_CAP_FPAGE_RWSD), L4_FP_DELETE_OBJ, u);
}

L4_INLINE l4_msgtag_t l4_task_delete_obj(l4_cap_idx_t task, l4_cap_idx_t obj)
{
	return l4_task_delete_obj_u(task, obj, l4_utcb());
}

L4_INLINE l4_msgtag_t l4_task_release_cap_u(l4_cap_idx_t task, l4_cap_idx_t cap, l4_utcb_t *u)
{
	return l4_task_unmap_u(task, l4_obj_fpage(cap, 0, L4_CAP_FPAGE_RWSD), L4_FP_ALL_SPACES, u);
}

L4_INLINE l4_msgtag_t l4_task_release_cap(l4_cap_idx_t task, l4_cap_idx_t cap)
{
	return l4_task_release_cap_u(task, cap, l4_utcb());
}

/* Result label > 0: cap refers to an object; 0: empty slot. */
L4_INLINE l4_msgtag_t l4_task_cap_valid_u(l4_cap_idx_t task, l4_cap_idx_t cap, l4_utcb_t *u)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(u);

	v->mr[0] = L4_TASK_CAP_INFO_OP;
	v->mr[1] = cap & ~1UL;
	return l4_ipc_call(task, u, l4_msgtag(L4_PROTO_TASK, 2, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_task_cap_valid(l4_cap_idx_t task, l4_cap_idx_t cap)
{
	return l4_task_cap_valid_u(task, cap, l4_utcb());
}

/* Result label 1: both name the same object; 0: they do not. */
L4_INLINE l4_msgtag_t l4_task_cap_equal_u(l4_cap_idx_t task, l4_cap_idx_t cap_a, l4_cap_idx_t cap_b,
					  l4_utcb_t *u)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(u);

	v->mr[0] = L4_TASK_CAP_INFO_OP;
	v->mr[1] = cap_a;
	v->mr[2] = cap_b;
	return l4_ipc_call(task, u, l4_msgtag(L4_PROTO_TASK, 3, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_task_cap_equal(l4_cap_idx_t task, l4_cap_idx_t cap_a, l4_cap_idx_t cap_b)
{
	return l4_task_cap_equal_u(task, cap_a, cap_b, l4_utcb());
}

/* Kernel-user memory: where UTCBs of the task's threads live. */
L4_INLINE l4_msgtag_t l4_task_add_ku_mem_u(l4_cap_idx_t task, l4_fpage_t ku_mem, l4_utcb_t *u)
{
	l4_msg_regs_t *v = l4_utcb_mr_u(u);

	v->mr[0] = L4_TASK_ADD_KU_MEM_OP;
	v->mr[1] = ku_mem.raw;
	return l4_ipc_call(task, u, l4_msgtag(L4_PROTO_TASK, 2, 0, 0), L4_IPC_NEVER);
}

L4_INLINE l4_msgtag_t l4_task_add_ku_mem(l4_cap_idx_t task, l4_fpage_t ku_mem)
{
	return l4_task_add_ku_mem_u(task, ku_mem, l4_utcb());
}

#endif /* L4_SYS_TASK_H */

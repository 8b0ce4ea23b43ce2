/* SPDX-License-Identifier: MIT */
/*
 * Protocol ids (tag labels) of the L4Re objects, with L4Re's values, and
 * the opcodes (mr0) of every operation.  L4Re keeps its opcodes inside C++
 * classes; we name them here so that servers (moe, ned) and the client
 * stubs of libl4re share one definition.  The message layout of every
 * operation is in docs/runtime.md, "Protocols".
 */
#ifndef L4_RE_PROTOCOLS_H
#define L4_RE_PROTOCOLS_H

enum L4re_protocols {
	L4RE_PROTO_DATASPACE = 0x4000,
	L4RE_PROTO_NAMESPACE,
	L4RE_PROTO_PARENT,
	L4RE_PROTO_GOOS,
	L4RE_PROTO_RSVD_1,
	L4RE_PROTO_RM,
	L4RE_PROTO_EVENT,
	L4RE_PROTO_INHIBITOR,
	L4RE_PROTO_DMA_SPACE,
	L4RE_PROTO_MMIO_SPACE,
	L4RE_PROTO_ITAS,

	/* (L4ReC) statistics of a memory allocator (see L4REC_MA_OP_*). */
	L4REC_PROTO_MEM_ALLOC = 0x40ff,

	L4RE_PROTO_DEBUG = ~0x7fffL,
};

/* Dataspace (L4Re's order). */
enum L4re_dataspace_ops {
	L4RE_DS_OP_MAP = 0,
	L4RE_DS_OP_CLEAR = 1,
	L4RE_DS_OP_STATS = 2,
	L4RE_DS_OP_COPY_IN = 3,
	L4RE_DS_OP_TAKE = 4,
	L4RE_DS_OP_RELEASE = 5,
	L4RE_DS_OP_ALLOCATE = 6,
	/* (L4ReC) physical address of an offset, for drivers. */
	L4REC_DS_OP_PHYS = 0x10,
};

/* Namespace (L4Re's order). */
enum L4re_namespace_ops {
	L4RE_NS_OP_QUERY = 0,
	L4RE_NS_OP_REGISTER = 1,
	L4RE_NS_OP_LINK = 2,
	L4RE_NS_OP_UNLINK = 3,
};

/* Parent. */
enum L4re_parent_ops {
	L4RE_PARENT_OP_SIGNAL = 0,
};

/* Parent signals: 0 = exit, value = exit status (L4Re). */
enum L4re_parent_signals {
	L4RE_PARENT_SIG_EXIT = 0,
};

/* Region map (L4Re's order). */
enum L4re_rm_ops {
	L4RE_RM_OP_ATTACH = 0,
	L4RE_RM_OP_DETACH = 1,
	L4RE_RM_OP_FIND = 2,
	L4RE_RM_OP_RESERVE_AREA = 3,
	L4RE_RM_OP_FREE_AREA = 4,
	/* (L4ReC) destroy the region map: detach everything, delete the object. */
	L4REC_RM_OP_RELEASE = 0x10,
};

/* (L4ReC) memory allocator statistics, label L4REC_PROTO_MEM_ALLOC. */
enum L4rec_mem_alloc_ops {
	L4REC_MA_OP_INFO = 0,
};

#endif /* L4_RE_PROTOCOLS_H */

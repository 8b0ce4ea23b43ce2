// SPDX-License-Identifier: MIT
/*
 * The memory allocator: L4Re's Mem_alloc is a factory, and so is ours.
 * It creates dataspaces, region maps, namespaces and logs from the
 * kernel's create format (docs/runtime.md, "Memory allocator / factory"),
 * and answers the L4ReC statistics call.
 */
#include "moe.h"

#include <l4/re/c/util/varg.h>
#include <l4/re/protocols.h>
#include <l4/sys/err.h>
#include <l4/sys/utcb.h>

static int factory_obj = -1;

int moe_factory_init(void)
{
	factory_obj = moe_obj_new(MOE_OBJ_MA);
	return factory_obj;
}

int moe_factory(void)
{
	return factory_obj;
}

/* Varg i (0-based) after mr0: an integer into *v; false if absent. */
static bool varg_int(l4_msgtag_t tag, unsigned i, l4_umword_t *v)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	unsigned w = 1, words = l4_msgtag_words(tag);

	while (w < words) {
		l4_umword_t type = m->mr[w] & 0xff, len = m->mr[w] >> 16;
		unsigned n = l4_bytes_to_mwords((unsigned)len);

		if (w + 1 + n > words)
			return false;
		if (!i) {
			if (type != 0x01 && type != 0x81)
				return false;
			*v = m->mr[w + 1];
			return true;
		}
		i--;
		w += 1 + n;
	}
	return false;
}

static int create(l4_msgtag_t tag)
{
	long proto = (long)l4_utcb_mr()->mr[0];
	l4_umword_t size, flags = 0, align = 0;
	char name[MOE_NAME_MAX];

	switch (proto) {
	case L4RE_PROTO_DATASPACE:
		if (!varg_int(tag, 0, &size))
			return -L4_EINVAL;
		varg_int(tag, 1, &flags);
		varg_int(tag, 2, &align);
		if ((long)size <= 0)
			return -L4_ERANGE;
		return moe_ds_create(size, flags, (unsigned)align);
	case L4RE_PROTO_RM:
		l4re_util_varg_str(tag, 1, name, sizeof(name));
		return moe_rm_create(name);
	case L4RE_PROTO_NAMESPACE:
		return moe_ns_create(false);
	case L4_PROTO_LOG:
		l4re_util_varg_str(tag, 1, name, sizeof(name));
		return moe_log_create(name);
	default:
		return -L4_ENODEV;
	}
}

bool moe_factory_handle(int obj, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	uint64_t total, free_bytes;
	int r;

	(void)obj;
	(void)label;
	if (l4_msgtag_words(tag) < 1) {
		*reply = moe_reply_err(-L4_EINVAL);
		return true;
	}
	switch (l4_msgtag_label(tag)) {
	case L4_PROTO_FACTORY:
		r = create(tag);
		*reply = r < 0 ? moe_reply_err(r) : moe_reply_cap(r, L4_CAP_FPAGE_RWS);
		return true;
	case L4REC_PROTO_MEM_ALLOC:
		if (m->mr[0] != L4REC_MA_OP_INFO) {
			*reply = moe_reply_err(-L4_ENOSYS);
			return true;
		}
		moe_phys_info(&total, &free_bytes);
		m->mr[0] = total;
		m->mr[1] = free_bytes;
		*reply = l4_msgtag(0, 2, 0, 0);
		return true;
	default:
		*reply = moe_reply_err(-L4_EBADPROTO);
		return true;
	}
}

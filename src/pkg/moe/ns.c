// SPDX-License-Identifier: MIT
/*
 * Namespaces: names bound to moe objects or to capabilities moe was sent
 * (kept in moe's own slots).  Protocol: docs/runtime.md, "Namespace".
 * A name whose first component names a namespace entry resolves partly:
 * the reply carries that namespace and the count of bytes still to go.
 */
#include "moe.h"

#include <l4/re/c/namespace.h>
#include <l4/re/protocols.h>
#include <l4/sys/err.h>
#include <l4/sys/task.h>
#include <l4/util/string.h>

#define MOE_NS_ENTRIES 256
#define MOE_NS_NAME 64

struct moe_ns_entry {
	bool used;
	char name[MOE_NS_NAME];
	int obj;	  /* moe object, or -1 */
	l4_cap_idx_t cap; /* foreign capability in moe, or invalid */
	unsigned rights;  /* L4_CAP_FPAGE_* handed out */
	int next;
};

static struct moe_ns_entry entries[MOE_NS_ENTRIES];

int moe_ns_create(bool ro)
{
	int obj = moe_obj_new(MOE_OBJ_NS);

	if (obj >= 0) {
		moe_obj(obj)->ns.ro = ro;
		moe_obj(obj)->ns.entries = -1;
	}
	return obj;
}

static int lookup(const struct moe_ns *ns, const char *name, unsigned long n, int *prev)
{
	*prev = -1;
	for (int e = ns->entries; e >= 0; *prev = e, e = entries[e].next)
		if (!strncmp(entries[e].name, name, n) && !entries[e].name[n])
			return e;
	return -1;
}

static long add(struct moe_ns *ns, const char *name, int obj, l4_cap_idx_t cap, unsigned rights)
{
	int prev, e;

	if (!*name || strlen(name) >= MOE_NS_NAME || strchr(name, '/'))
		return -L4_EINVAL;
	if (lookup(ns, name, strlen(name), &prev) >= 0)
		return -L4_EEXIST;
	for (e = 0; e < MOE_NS_ENTRIES && entries[e].used; e++)
		;
	if (e == MOE_NS_ENTRIES)
		return -L4_ENOMEM;
	entries[e] = (struct moe_ns_entry){
		.used = true, .obj = obj, .cap = cap, .rights = rights, .next = ns->entries
	};
	strlcpy(entries[e].name, name, sizeof(entries[e].name));
	ns->entries = e;
	return 0;
}

long moe_ns_add_obj(int ns, const char *name, int obj, unsigned rights)
{
	return add(&moe_obj(ns)->ns, name, obj, L4_INVALID_CAP, rights);
}

static l4_msgtag_t reply_entry(const struct moe_ns_entry *e, long result)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	l4_msgtag_t t;

	if (e->obj < 0 && l4_is_invalid_cap(e->cap))
		return moe_reply_err(-L4_EAGAIN);
	if (e->obj >= 0)
		t = moe_reply_cap(e->obj, e->rights);
	else {
		m->mr[0] = l4_map_obj_control(0, 0);
		m->mr[1] = l4_obj_fpage(e->cap, 0, (unsigned char)e->rights).raw;
		t = l4_msgtag(0, 0, 1, 0);
	}
	return l4_msgtag(result, 0, 1, l4_msgtag_flags(t));
}

static l4_msgtag_t query(struct moe_ns *ns, l4_msgtag_t tag)
{
	char name[L4RE_NS_NAME_MAX + 1];
	unsigned long n, len;
	const char *slash;
	int prev, e;

	if (!moe_get_str(tag, 1, name, sizeof(name), NULL))
		return moe_reply_err(-L4_EINVAL);
	len = strlen(name);
	slash = strchr(name, '/');
	n = slash ? (unsigned long)(slash - name) : len;
	e = lookup(ns, name, n, &prev);
	if (e < 0)
		return moe_reply_err(-L4_ENOENT);
	return reply_entry(&entries[e], (long)(len - n));
}

static long do_register(struct moe_ns *ns, l4_msgtag_t tag, bool writable)
{
	char name[L4RE_NS_NAME_MAX + 1];
	unsigned flags = (unsigned)l4_utcb_mr()->mr[1], rights, r = L4_CAP_FPAGE_R;
	int obj;
	l4_cap_idx_t cap = L4_INVALID_CAP;
	long err;

	if (ns->ro || !writable)
		return -L4_EPERM;
	if (l4_msgtag_words(tag) < 3 || !moe_get_str(tag, 2, name, sizeof(name), NULL))
		return -L4_EINVAL;
	/* L4RE_NS_REGISTER_* are memory-style bits: W means S, X means W. */
	if (flags & L4_FPAGE_W)
		r |= L4_CAP_FPAGE_S;
	if (flags & L4_FPAGE_X)
		r |= L4_CAP_FPAGE_W;
	obj = moe_rcv_item_obj(tag, 0, &rights);
	if (obj < 0 && l4_msgtag_items(tag))
		cap = moe_rcv_take_cap(tag, 0);
	err = add(ns, name, obj, cap, r);
	if (err < 0 && l4_is_valid_cap(cap))
		l4_task_release_cap(L4_BASE_TASK_CAP, cap);
	return err;
}

static long unlink_name(struct moe_ns *ns, l4_msgtag_t tag, bool writable)
{
	char name[L4RE_NS_NAME_MAX + 1];
	int prev, e;

	if (ns->ro || !writable)
		return -L4_EPERM;
	if (!moe_get_str(tag, 1, name, sizeof(name), NULL))
		return -L4_EINVAL;
	e = lookup(ns, name, strlen(name), &prev);
	if (e < 0)
		return -L4_ENOENT;
	if (prev < 0)
		ns->entries = entries[e].next;
	else
		entries[prev].next = entries[e].next;
	if (l4_is_valid_cap(entries[e].cap))
		l4_task_release_cap(L4_BASE_TASK_CAP, entries[e].cap);
	entries[e].used = false;
	return 0;
}

bool moe_ns_handle(int obj, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply)
{
	struct moe_ns *ns = &moe_obj(obj)->ns;
	bool writable = label & L4_CAP_FPAGE_W;

	if (l4_msgtag_label(tag) != L4RE_PROTO_NAMESPACE || l4_msgtag_words(tag) < 1) {
		*reply = moe_reply_err(-L4_EBADPROTO);
		return true;
	}
	switch (l4_utcb_mr()->mr[0]) {
	case L4RE_NS_OP_QUERY:
		*reply = query(ns, tag);
		break;
	case L4RE_NS_OP_REGISTER:
		*reply = moe_reply_err(do_register(ns, tag, writable));
		break;
	case L4RE_NS_OP_UNLINK:
		*reply = moe_reply_err(unlink_name(ns, tag, writable));
		break;
	default:
		*reply = moe_reply_err(-L4_ENOSYS);
		break;
	}
	return true;
}

// SPDX-License-Identifier: MIT
/*
 * Namespace client stubs (docs/runtime.md, "Namespace").  A query that
 * resolves only a prefix (positive result: the rest still to go) goes on
 * at the namespace it got back, until the whole name is resolved.
 * -L4_EAGAIN (registered, no object yet) is retried every 10 ms until
 * timeout ms have passed.
 */
#include <l4/re/c/namespace.h>
#include <l4/re/protocols.h>
#include <l4/sys/err.h>

#include "msg.h"

static long query_once(l4_cap_idx_t srv, char const *name, unsigned long n, l4_cap_idx_t cap)
{
	l4_utcb_t *u = l4_utcb();
	unsigned w;

	l4_utcb_mr_u(u)->mr[0] = L4RE_NS_OP_QUERY;
	w = l4re_msg_put_str(u, 1, name, n);
	if (!w)
		return -L4_ENAMETOOLONG;
	l4re_msg_rcv_cap(u, cap);
	return l4re_msg_call(srv, u, l4_msgtag(L4RE_PROTO_NAMESPACE, w, 0, 0));
}

long l4re_ns_query_to_srv(l4re_namespace_t srv, char const *name, l4_cap_idx_t const cap,
			  int timeout)
{
	unsigned long n = l4re_strlen(name);
	long r;

	for (;;) {
		r = query_once(srv, name, n, cap);
		if (r == -L4_EAGAIN && timeout > 0) {
			l4_ipc_sleep(l4_timeout(L4_IPC_TIMEOUT_NEVER, l4_timeout_rel(10, 10)));
			timeout -= 10;
			continue;
		}
		if (r <= 0 || (unsigned long)r >= n)
			return r < 0 ? r : (r ? -L4_ENOENT : 0);
		/* The first n - r bytes named a namespace, now in cap. */
		name += n - (unsigned long)r;
		n = (unsigned long)r;
		while (n && *name == '/') {
			name++;
			n--;
		}
		if (!n)
			return 0;
		srv = cap;
	}
}

long l4re_ns_register_obj_srv(l4re_namespace_t srv, char const *name, l4_cap_idx_t const obj,
			      unsigned flags)
{
	l4_utcb_t *u = l4_utcb();
	unsigned w;

	l4_utcb_mr_u(u)->mr[0] = L4RE_NS_OP_REGISTER;
	l4_utcb_mr_u(u)->mr[1] = flags;
	w = l4re_msg_put_str(u, 2, name, l4re_strlen(name));
	if (!w || w + 2 > L4_UTCB_GENERIC_DATA_SIZE)
		return -L4_ENAMETOOLONG;
	if (l4_is_invalid_cap(obj))
		return l4re_msg_call(srv, u, l4_msgtag(L4RE_PROTO_NAMESPACE, w, 0, 0));
	l4re_msg_put_cap(u, w, obj, L4_CAP_FPAGE_RWS);
	return l4re_msg_call(srv, u, l4_msgtag(L4RE_PROTO_NAMESPACE, w, 1, 0));
}

long l4re_ns_unlink_srv(l4re_namespace_t srv, char const *name)
{
	l4_utcb_t *u = l4_utcb();
	unsigned w;

	l4_utcb_mr_u(u)->mr[0] = L4RE_NS_OP_UNLINK;
	w = l4re_msg_put_str(u, 1, name, l4re_strlen(name));
	if (!w)
		return -L4_ENAMETOOLONG;
	return l4re_msg_call(srv, u, l4_msgtag(L4RE_PROTO_NAMESPACE, w, 0, 0));
}

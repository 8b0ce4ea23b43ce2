/* SPDX-License-Identifier: MIT */
/*
 * Namespaces (L4Re's <l4/re/c/namespace.h>): names bound to capabilities.
 * moe serves rom/ (the boot modules, read-only dataspaces; registering
 * there fails with -L4_EPERM) and any number of namespaces created through
 * the allocator (l4re_ma_create_ns_srv()).  A name with '/' resolves
 * through nested namespaces; the stub follows partial results itself.
 * Names are at most L4RE_NS_NAME_MAX bytes per query.
 */
#ifndef L4_RE_C_NAMESPACE_H
#define L4_RE_C_NAMESPACE_H

#include <l4/re/env.h>

enum l4re_ns_register_flags {
	L4RE_NS_REGISTER_RO = L4_FPAGE_RO,
	L4RE_NS_REGISTER_DIR = 0x10,
	L4RE_NS_REGISTER_RW = L4_FPAGE_RX,
	L4RE_NS_REGISTER_RWS = L4_FPAGE_RWX,
	L4RE_NS_REGISTER_S = L4_FPAGE_W,
};

/* (L4ReC) longest name one message carries. */
#define L4RE_NS_NAME_MAX 256

EXTERN_C_BEGIN

typedef l4_cap_idx_t l4re_namespace_t;

/*
 * Look name up in srv; the capability goes into slot cap.  0 resolved;
 * -L4_ENOENT no such name; -L4_EAGAIN registered without an object yet
 * (the stub retries for up to timeout ms); -L4_ENAMETOOLONG; IPC errors.
 */
long l4re_ns_query_to_srv(l4re_namespace_t srv, char const *name, l4_cap_idx_t const cap,
			  int timeout);

L4_INLINE long l4re_ns_query_srv(l4re_namespace_t srv, char const *name, l4_cap_idx_t const cap)
{
	return l4re_ns_query_to_srv(srv, name, cap, 40000);
}

/*
 * Bind name to obj (L4_INVALID_CAP: a placeholder queries see as
 * -L4_EAGAIN until an object is registered).  flags: L4RE_NS_REGISTER_*
 * rights the namespace hands out for it.  0, -L4_EEXIST, -L4_EPERM
 * (read-only namespace), -L4_ENOMEM, -L4_EINVAL.
 */
long l4re_ns_register_obj_srv(l4re_namespace_t srv, char const *name, l4_cap_idx_t const obj,
			      unsigned flags);

/* (L4ReC) Remove name.  0 / -L4_ENOENT / -L4_EPERM. */
long l4re_ns_unlink_srv(l4re_namespace_t srv, char const *name);

EXTERN_C_END

#endif /* L4_RE_C_NAMESPACE_H */

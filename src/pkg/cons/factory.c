// SPDX-License-Identifier: MIT
/*
 * cons's channel is a factory, like moe's allocator, so that ned can use
 * it as a loader's log_fab (L4.default_loader.log_fab = cons) or a script
 * can say cons:create(L4.Proto.Log, "tag"): L4Re's create format, mr0 =
 * L4_PROTO_LOG, then vargs (string tag, string color - ignored).  The
 * reply carries a new IPC gate bound to cons's thread, the client's vcon.
 */

#include <l4/re/c/util/varg.h>
#include <l4/re/env.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/utcb.h>

#include "cons.h"

l4_msgtag_t cons_factory_handle(l4_msgtag_t tag)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	char tagname[CONS_TAG_MAX];
	struct cons_client *c;
	int idx;

	if (l4_msgtag_label(tag) != L4_PROTO_FACTORY || l4_msgtag_words(tag) < 1)
		return l4_msgtag(-L4_EBADPROTO, 0, 0, 0);
	if ((long)m->mr[0] != L4_PROTO_LOG)
		return l4_msgtag(-L4_ENODEV, 0, 0, 0);
	l4re_util_varg_str(tag, 1, tagname, sizeof(tagname));
	idx = cons_client_new(tagname);
	if (idx < 0)
		return l4_msgtag(idx, 0, 0, 0);
	c = cons_client(idx);
	m->mr[0] = l4_map_obj_control(0, 0);
	m->mr[1] = l4_obj_fpage(c->gate, 0, L4_CAP_FPAGE_RWS).raw;
	return l4_msgtag(0, 0, 1, 0);
}

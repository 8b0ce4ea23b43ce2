// SPDX-License-Identifier: MIT
/*
 * Cap:create(proto, args...): ask the factory behind a capability for a new
 * object, with L4Re's factory protocol (the kernel factory makes gates,
 * moe's log factory makes logs: L4.Env.log:create(L4.Proto.Log, "tag",
 * "red")).  Lua arguments become the protocol's typed arguments: integers,
 * strings, nil, booleans (as integers) and capabilities (as flexpages with
 * their rights).  Returns the new capability, or raises an error naming
 * what the factory said.
 */
#include <lauxlib.h>

#include <l4/re/c/util/cap_alloc.h>
#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/factory.h>
#include <l4/sys/task.h>
#include <l4/sys/utcb.h>

#include "ned.h"

/* Appends Lua argument idx to the request; 0 if it does not fit or has no encoding. */
static int create_add_arg(lua_State *L, int idx, l4_msgtag_t *tag, l4_utcb_t *u)
{
	struct ned_cap *c;

	switch (lua_type(L, idx)) {
	case LUA_TNIL:
		return l4_factory_create_add_nil_u(tag, u);
	case LUA_TBOOLEAN:
		return l4_factory_create_add_int_u(lua_toboolean(L, idx), tag, u);
	case LUA_TNUMBER:
		return l4_factory_create_add_int_u((l4_mword_t)lua_tointeger(L, idx), tag, u);
	case LUA_TSTRING:
		return l4_factory_create_add_str_u(lua_tostring(L, idx), tag, u);
	default: /* checked by ned_cap_create() */
		c = ned_cap_test(L, idx);
		return l4_factory_create_add_fpage_u(l4_obj_fpage(c->cap, 0, c->rights), tag, u);
	}
}

int ned_cap_create(lua_State *L)
{
	struct ned_cap *f = ned_cap_check(L, 1);
	long proto = (long)luaL_checkinteger(L, 2);
	int top = lua_gettop(L), i;
	l4_utcb_t *u = l4_utcb();
	l4_cap_idx_t obj;
	l4_msgtag_t tag;
	long err;

	/* Check the arguments first: an argument error must not leak a slot. */
	for (i = 3; i <= top; ++i) {
		int t = lua_type(L, i);

		if (t == LUA_TNUMBER && !lua_isinteger(L, i))
			luaL_argerror(L, i, "numbers passed to a factory must be integers");
		if (t != LUA_TNIL && t != LUA_TBOOLEAN && t != LUA_TNUMBER && t != LUA_TSTRING &&
		    !ned_cap_test(L, i))
			luaL_argerror(L, i, "integer, string, boolean, nil or L4.Cap expected");
	}
	obj = l4re_util_cap_alloc();
	if (l4_is_invalid_cap(obj))
		return luaL_error(L, "create: out of capability slots");
	if (proto == 0 && top <= 3 && (top < 3 || lua_isinteger(L, 3))) {
		/*
		 * An IPC gate: Fiasco takes a missing label as 0, our kernel
		 * wants the label word (unsigned), which l4_factory_create_gate()
		 * always sends.
		 */
		tag = l4_factory_create_gate_u(f->cap, obj, L4_INVALID_CAP,
					       top == 3 ? (l4_umword_t)lua_tointeger(L, 3) : 0, u);
		goto done;
	}
	/* Strings go straight into the UTCB: nothing else may run in between. */
	tag = l4_factory_create_start_u(proto, obj, u);
	for (i = 3; i <= top; ++i)
		if (!create_add_arg(L, i, &tag, u)) {
			l4re_util_cap_free(obj);
			return luaL_error(L, "create: arguments do not fit into one message");
		}
	tag = l4_factory_create_commit_u(f->cap, tag, u);
done:
	err = l4_error_u(tag, u);
	if (err < 0) {
		l4re_util_cap_free(obj);
		return luaL_error(L, "create: factory refused protocol %d: %s", (int)proto,
				  l4sys_errtostr(err));
	}
	ned_cap_push(L, obj, L4_CAP_FPAGE_RO);
	return 1;
}
